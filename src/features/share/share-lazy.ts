/**
 * What the share feature puts in the lazily loaded `below-the-fold` chunk: the panel, and the
 * start-up that `main.tsx` awaits before the first render when there is a saved state or a
 * `#state=` link to open. Both go in that one chunk: a second lazy chunk sharing core modules
 * with it makes Vite 8's bundler move those modules out of the entry into a common chunk that
 * the entry preloads (see `below-the-fold.ts`), which grows the initial JS.
 */
export { applyStart, readStart, startAfterRender } from '../../persist/startup';
export { SharePanel } from './share-panel';
