/**
 * Saving the state in localStorage, so it survives a reload. A store subscriber (side effects
 * stay out of the store's updaters) saves 300 ms after the last change, and at once when the
 * page is hidden (`pagehide`).
 *
 * Nothing is overwritten without the person knowing:
 * - saved data this console cannot read (not JSON, a newer version, refused events) is kept, and
 *   no save happens until the person downloads or discards it;
 * - a tab saves only its own changes, never the state it was given;
 * - when another tab saves, this tab stops saving and asks: load the other tab's state, or keep
 *   this tab's (which then saves over it).
 * A save that fails (storage full, storage blocked) is reported in a notice, with the reason.
 */
import type { DocumentProblem } from '../core/document/document';
import { sameParams } from '../core/scenarios/scenario-params';
import { documentOf } from '../share/state-document';
import { logOf } from '../store/log-state';
import { type LogState, useTenantStore } from '../store/tenant-store';
import { usePersistStatus } from './persist-status';
import { generatedSaved, readSavedOffThread, restoreSaved } from './restore-saved';
import {
  estimatedSavedLength,
  readSavedStateText,
  savedStateText,
  UNSAVABLE_CHARS,
} from './saved-state';
import { SAVED_STATE_KEY } from './saved-state-key';

export const SAVE_DELAY_MS = 300;

/** What was found under the key. */
export type SavedCheck =
  | { readonly kind: 'none' }
  | { readonly kind: 'readable'; readonly text: string; readonly state: LogState }
  /**
   * Saved, and not opened: its opening (generating its scenario again, in the worker) was
   * cancelled or failed. It stays in storage until this tab saves a change of its own.
   */
  | { readonly kind: 'unopened'; readonly text: string }
  | {
      readonly kind: 'unreadable';
      readonly text: string;
      readonly problems: readonly DocumentProblem[];
    };

/** The browser's localStorage, or null where it cannot be reached. */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The saved text, or null when there is none or storage cannot be reached. */
function savedText(storage: Storage | null): string | null {
  try {
    return storage?.getItem(SAVED_STATE_KEY) ?? null;
  } catch {
    return null;
  }
}

/**
 * Read what is saved, checking all of it (envelope, document, every event). A state built on a
 * generated scenario is read in the core worker, where one can run: generating the scenario
 * again takes seconds, which the page would otherwise spend in one task.
 */
export function checkSaved(storage: Storage | null): Promise<SavedCheck> {
  return checkSavedText(savedText(storage));
}

/** `checkSaved` of a text already read from storage (null: nothing saved). */
async function checkSavedText(text: string | null): Promise<SavedCheck> {
  if (text === null) return { kind: 'none' };
  const generated = generatedSaved(text);
  if (generated !== null) {
    const read = await readSavedOffThread(generated);
    if (read !== undefined) return read;
  }
  let read: Awaited<ReturnType<typeof readSavedStateText>>;
  try {
    read = await readSavedStateText(text);
  } catch (error) {
    // E.g. a generated scenario that fails to generate again: unreadable, and kept.
    const why = error instanceof Error ? error.message : String(error);
    read = {
      ok: false,
      problems: [{ field: '(saved state)', reason: `cannot be opened: ${why}` }],
    };
  }
  return read.ok
    ? { kind: 'readable', text, state: read.state }
    : { kind: 'unreadable', text, problems: read.problems };
}

function sameLog(a: LogState, b: LogState): boolean {
  return (
    a.events === b.events &&
    a.cursor === b.cursor &&
    a.genesis === b.genesis &&
    a.scenarioId === b.scenarioId &&
    sameParams(a.scenarioParams, b.scenarioParams)
  );
}

/** Why a save failed, in words; quota errors say the storage is full. */
function saveFailure(error: unknown): string {
  // DOMException is not an Error in every environment: read its fields directly.
  const { name = 'Error', message = String(error) } =
    typeof error === 'object' && error !== null
      ? (error as { name?: string; message?: string })
      : {};
  const quota =
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    (error instanceof DOMException && error.code === 22);
  const why = quota
    ? `the browser’s storage for this page is full (${name})`
    : `${name}: ${message.replace(/\.$/, '')}`;
  return `The state could not be saved in this browser: ${why}. It stays on this page until you leave it; Export JSON keeps a copy.`;
}

function tooBigToSave(size: number): string {
  const millions = (size / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 });
  return `The state is too big to save in this browser: about ${millions} million characters, where browsers keep about 5 million for a page. It stays on this page until you leave it; Export JSON keeps a copy.`;
}

export interface PersistenceOptions {
  /** Where to save; `browserStorage()` by default. */
  readonly storage?: Storage | null;
  /** Where `pagehide` and `storage` events arrive; `window` by default. */
  readonly events?: EventTarget;
  readonly now?: () => Date;
  /** A state estimated longer than this is not written out (`UNSAVABLE_CHARS` by default). */
  readonly unsavableChars?: number;
  /**
   * What the start found under the key, if it already looked. Otherwise it is looked at now,
   * and nothing is saved until that check is done.
   */
  readonly checked?: SavedCheck;
  /**
   * The state the page started on. It is saved only once it changes: a page opened on
   * `?scenario=` does not overwrite the saved state just by being open.
   */
  readonly baseline?: LogState;
  /** The start state is the person's own choice (a share link): save it at once. */
  readonly saveStart?: boolean;
  /** Called when what is saved is this tab's state (it saved it, or loaded it). */
  readonly onSaved?: () => void;
}

type Mode = 'checking' | 'saving' | 'unreadable' | 'other-tab';

export interface Persistence {
  /** Resolves once the saved data has been checked and saving runs (or is held back). */
  readonly ready: Promise<void>;
  /** Save a pending change now (what `pagehide` does). */
  flush(): void;
  stop(): void;
  /** Remove the unreadable data; from then on this tab's changes are saved. */
  discardUnreadable(): void;
  /** Open the state another tab saved. */
  loadOtherTab(): Promise<void>;
  /** Save this tab's state over the other tab's. */
  keepThisTab(): void;
}

let current: Persistence | null = null;

/** The running persistence, for the banners' buttons (null before it starts). */
export function currentPersistence(): Persistence | null {
  return current;
}

export function startPersistence(options: PersistenceOptions = {}): Persistence {
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const events = options.events ?? window;
  const now = options.now ?? (() => new Date());
  const store = useTenantStore;
  const status = usePersistStatus;

  let mode: Mode = 'checking';
  /** The state the saved data holds (or the page started on): a change is a difference from it. */
  let saved: LogState = logOf(options.baseline ?? store.getState());
  let pending = options.saveStart === true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const cancelTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  function save(): void {
    cancelTimer();
    if (stopped || mode !== 'saving') return;
    const state = logOf(store.getState());
    const document = documentOf(state);
    const size = estimatedSavedLength(document);
    if (size > (options.unsavableChars ?? UNSAVABLE_CHARS)) {
      // Still pending, as after any refusal: a smaller state later (an undo, say) is saved.
      store.getState().showNotice('error', tooBigToSave(size));
      return;
    }
    try {
      if (storage === null) {
        throw new DOMException('localStorage cannot be reached on this page.', 'SecurityError');
      }
      storage.setItem(SAVED_STATE_KEY, savedStateText(document, now()));
      saved = state;
      pending = false;
      options.onSaved?.();
    } catch (error) {
      // Still pending: the next change or pagehide tries again.
      store.getState().showNotice('error', saveFailure(error));
    }
  }

  function schedule(): void {
    if (mode !== 'saving') return;
    cancelTimer();
    timer = setTimeout(save, SAVE_DELAY_MS);
  }

  function onChange(): void {
    const state = store.getState();
    // A scenario still generating is not a change yet; its arrival is.
    if (state.loading !== null || sameLog(state, saved)) return;
    pending = true;
    schedule();
  }

  function unreadable(text: string, problems: readonly DocumentProblem[]): void {
    mode = 'unreadable';
    cancelTimer();
    status.setState({ unreadable: { text, problems }, otherTab: false });
  }

  function resume(): void {
    mode = 'saving';
    status.setState({ unreadable: null, otherTab: false });
    if (pending) schedule();
  }

  function onStorage(event: Event): void {
    const { key, newValue, storageArea } = event as StorageEvent;
    if (stopped || (key !== SAVED_STATE_KEY && key !== null) || storageArea !== storage) return;
    if (newValue === null || key === null) {
      // Removed (or all storage cleared) elsewhere: nothing is left to overwrite.
      if (mode !== 'checking') resume();
      return;
    }
    mode = 'other-tab';
    cancelTimer();
    status.setState({ unreadable: null, otherTab: true });
  }

  function onPageHide(): void {
    if (pending) save();
  }

  const unsubscribe = store.subscribe(onChange);
  events.addEventListener('storage', onStorage);
  events.addEventListener('pagehide', onPageHide);

  const ready = (async () => {
    const found = options.checked ?? (await checkSaved(storage));
    if (stopped) return;
    if (found.kind === 'unreadable') unreadable(found.text, found.problems);
    // Another tab may have saved while this one looked: its question stands.
    else if (mode === 'checking') resume();
    onChange();
  })();

  const persistence: Persistence = {
    ready,
    flush: onPageHide,
    stop() {
      stopped = true;
      cancelTimer();
      unsubscribe();
      events.removeEventListener('storage', onStorage);
      events.removeEventListener('pagehide', onPageHide);
      if (current === persistence) current = null;
    },
    discardUnreadable() {
      try {
        storage?.removeItem(SAVED_STATE_KEY);
      } catch {
        // Nothing to remove where storage cannot be reached; saving reports that.
      }
      resume();
    },
    async loadOtherTab() {
      // Built on a generated scenario: opened through the worker, behind the loading bar.
      const text = savedText(storage);
      const generated = text === null ? null : generatedSaved(text);
      const found = generated === null ? await checkSavedText(text) : await restoreSaved(generated);
      if (found.kind === 'unreadable') return unreadable(found.text, found.problems);
      // Cancelled: the other tab's state stays as it is, and so does the question.
      if (found.kind === 'unopened') return;
      if (found.kind === 'readable') {
        saved = logOf(found.state);
        pending = false;
        if (generated === null) store.getState().replaceLog(found.state);
        options.onSaved?.();
      }
      resume();
    },
    keepThisTab() {
      mode = 'saving';
      status.setState({ unreadable: null, otherTab: false });
      pending = true;
      save();
    },
  };
  current = persistence;
  return persistence;
}
