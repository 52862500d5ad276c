/**
 * Where the state of the last visit is saved, and whether the start must wait for it. In the
 * initial chunk, so it stays this small: reading the saved state (zod, the reducer's checks)
 * is in the lazily loaded `startup.ts`.
 */
export const SAVED_STATE_KEY = 'klc.state.v1';

/** A `#state=` share link in the address. */
export function hasStateLink(hash: string): boolean {
  return /^#(?:.*&)?state=/.test(hash);
}

/** Something to open before the first render: a saved state or a share link. */
export function hasStateToRestore(): boolean {
  if (hasStateLink(window.location.hash)) return true;
  try {
    return window.localStorage.getItem(SAVED_STATE_KEY) !== null;
  } catch {
    // Storage may be unavailable (private mode, blocked): then nothing was saved.
    return false;
  }
}
