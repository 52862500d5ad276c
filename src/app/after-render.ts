/**
 * What the shell loads after the first render, as one chunk: saving and reading the saved state
 * (and the `#state=` link reader that `main.tsx` awaits before the first render when there is
 * something to restore), the saved-state banners, and the Share and import dialog.
 */
export { SavedStateBanners } from '../features/share/saved-state-banners';
export { ShareDialog } from '../features/share/share-panel';
export { applyStart, readStart, startAfterRender } from '../persist/startup';
