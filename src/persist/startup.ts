/**
 * What the page opens on, and what runs once it is drawn. `main.tsx` awaits `readStart` before
 * the first render only when there is a saved state or a `#state=` link (a first visit waits for
 * nothing), so a restored state is the first thing drawn, never a flip from the default.
 *
 * Precedence at start: a `#state=` link; else a `?scenario=` in an address that was opened; else
 * the saved state; else the default scenario. A reload (or back/forward) shows what the tab
 * showed: the address bar's `?scenario=` is then only the console's own echo of the scenario, so
 * the saved state is restored, unless the tab opened `?scenario=` afresh and has saved nothing
 * since (a per-tab mark in sessionStorage).
 */
import { useAskStore } from '../app/ask-store';
import type { DocumentProblem } from '../core/document/document';
import { statePayloadOf } from '../share/link-codec';
import { openLinkPayload, readLinkPayload } from '../share/open-state';
import { scenarioEventsOf } from '../share/state-document';
import { droppedChanges } from '../store/log-changes';
import { type LogState, type TenantStore, useTenantStore } from '../store/tenant-store';
import { browserStorage, checkSaved, type SavedCheck, startPersistence } from './persistence';
import { generatedSaved, restoreSaved, type SavedToRestore } from './restore-saved';
import { SAVED_STATE_KEY } from './saved-state-key';

export interface StartPlan {
  /** The state to open instead of the one the URL or the default gives. */
  readonly state: LogState | null;
  /** `state` came from a share link (it is then saved at once). */
  readonly fromLink: boolean;
  /** A link was in the address: take it out, so a reload does not open it again. */
  readonly clearLink: boolean;
  /** Why a link was refused. */
  readonly notice: string | null;
  /** What the saved state held, when it was read. */
  readonly checked?: SavedCheck;
  /** The URL's `?scenario=` opens afresh, over a saved state. */
  readonly urlWins?: boolean;
  /**
   * The saved state starts from a generated scenario: it is opened after the first render, in
   * the worker (generating the scenario again takes seconds), with progress and Cancel.
   */
  readonly restore?: SavedToRestore;
}

export interface StartPage {
  readonly hash: string;
  readonly search: string;
  /** `PerformanceNavigationTiming.type`: navigate, reload, back_forward, prerender. */
  readonly navigationType: string;
  /** This tab opened its `?scenario=` afresh and has saved nothing since. */
  readonly freshTab: boolean;
}

/** The per-tab mark: sessionStorage survives a reload of the tab, and only that. */
const FRESH_TAB_KEY = 'klc.state.fresh';

function markFreshTab(fresh: boolean): void {
  try {
    if (fresh) window.sessionStorage.setItem(FRESH_TAB_KEY, '1');
    else window.sessionStorage.removeItem(FRESH_TAB_KEY);
  } catch {
    // Without sessionStorage a reload restores the saved state, as if the mark were not there.
  }
}

function isFreshTab(): boolean {
  try {
    return window.sessionStorage.getItem(FRESH_TAB_KEY) !== null;
  } catch {
    return false;
  }
}

function currentPage(): StartPage {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return {
    hash: window.location.hash,
    search: window.location.search,
    navigationType: entry?.type ?? 'navigate',
    freshTab: isFreshTab(),
  };
}

/** A refused link, for the notice: every problem, then that nothing changed. */
export function linkRefusal(problems: readonly DocumentProblem[]): string {
  const lines = problems.map((problem) =>
    problem.field === '(link)' ? problem.reason : `${problem.field}: ${problem.reason}`,
  );
  return `The shared link was not opened, so nothing changed. ${lines.join(' ')}`;
}

/** Never throws: whatever goes wrong, the page still starts (on the URL's or the default scenario). */
export async function readStart(
  page: StartPage = currentPage(),
  storage: Storage | null = browserStorage(),
): Promise<StartPlan> {
  try {
    return await decideStart(page, storage);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      state: null,
      fromLink: false,
      clearLink: statePayloadOf(page.hash) !== null,
      notice: `The saved state or the link could not be opened (${why}); showing the scenario instead.`,
    };
  }
}

/** A saved state with changes that a link or the URL's scenario took the place of. */
interface PassedOver {
  readonly state: LogState;
  readonly changes: number;
}

/** The saved state, when it holds changes: what a link or the URL's scenario passes over. */
function passedOver(checked: SavedCheck): PassedOver | null {
  if (checked.kind !== 'readable') return null;
  const changes = droppedChanges(checked.state.events, scenarioEventsOf(checked.state));
  return changes === 0 ? null : { state: checked.state, changes };
}

async function decideStart(page: StartPage, storage: Storage | null): Promise<StartPlan> {
  const payload = statePayloadOf(page.hash);
  const clearLink = payload !== null;
  let notice: string | null = null;
  if (payload !== null) {
    const read = await readLinkPayload(payload);
    // The saved state it takes the place of is read after the first render.
    if (read.ok) return { state: read.state, fromLink: true, clearLink, notice };
    notice = linkRefusal(read.problems);
  }
  const continuing = page.navigationType === 'reload' || page.navigationType === 'back_forward';
  if ((!continuing || page.freshTab) && new URLSearchParams(page.search).has('scenario')) {
    // The saved state stays saved, and is checked after the first render.
    return { state: null, fromLink: false, clearLink, notice, urlWins: true };
  }
  const restore = savedToRestore(storage);
  if (restore !== null) return { state: null, fromLink: false, clearLink, notice, restore };
  const checked = await checkSaved(storage);
  return {
    state: checked.kind === 'readable' ? checked.state : null,
    fromLink: false,
    clearLink,
    notice,
    checked,
  };
}

/**
 * The saved state, when it starts from a generated scenario with valid parameters and a worker
 * can open it; else null (it is read here, before the first render, as any other).
 */
function savedToRestore(storage: Storage | null): SavedToRestore | null {
  let text: string | null;
  try {
    text = storage?.getItem(SAVED_STATE_KEY) ?? null;
  } catch {
    return null;
  }
  return text === null ? null : generatedSaved(text);
}

/** The saved state being opened in the worker, when the start asked for that. */
let restoring: Promise<SavedCheck> | null = null;

/** Take `state=` out of the address bar's fragment, keeping anything else there. */
function clearStateFragment(): void {
  const params = new URLSearchParams(window.location.hash.slice(1));
  params.delete('state');
  const rest = params.toString();
  const { pathname, search } = window.location;
  window.history.replaceState(
    window.history.state,
    '',
    `${pathname}${search}${rest ? `#${rest}` : ''}`,
  );
}

let applied: StartPlan | null = null;

/** The saved state a link or the address's scenario took the place of, offered back. */
function offerPassedOver(over: PassedOver, opened: string): void {
  const { state, changes } = over;
  useAskStore.setState({
    replaced: {
      message: `${opened} opened in place of what this browser had saved, with ${changes.toLocaleString('en-US')} change${changes === 1 ? '' : 's'}.`,
      undo: 'Bring back the saved state',
      log: state,
      after: useTenantStore.getState().events,
    },
  });
}

/** Open what `readStart` decided. Called after the URL's scenario is read, which it overrides. */
export function applyStart(plan: StartPlan): void {
  const store = useTenantStore.getState();
  if (plan.state !== null) store.replaceLog(plan.state);
  if (plan.restore !== undefined) restoring = restoreSaved(plan.restore);
  if (plan.clearLink) clearStateFragment();
  if (plan.notice !== null) store.showNotice('error', plan.notice);
  markFreshTab(plan.urlWins === true);
  applied = plan;
}

/** A `#state=` link pasted into this page's address bar. */
async function openLinkFromAddress(): Promise<void> {
  const payload = statePayloadOf(window.location.hash);
  if (payload === null) return;
  clearStateFragment();
  const result = await openLinkPayload(payload);
  const store = useTenantStore.getState();
  if (result.ok) store.showNotice('info', 'Opened the state from the shared link.');
  else if ('problems' in result) store.showNotice('error', linkRefusal(result.problems));
}

type StartState = Pick<TenantStore, keyof LogState | 'loading'>;

/**
 * After the first render: saving, other tabs' saves, and links opened later. `initial` is the
 * state the page was first drawn with; a scenario still generating then counts as part of it.
 */
export function startAfterRender(initial: StartState): void {
  window.addEventListener('hashchange', () => void openLinkFromAddress());
  const plan = applied;
  if (plan !== null && restoring !== null) {
    // Saving starts from what the opening found: the state, or the saved text left unopened.
    void restoring.then((checked) => startSaving(useTenantStore.getState(), { ...plan, checked }));
    return;
  }
  const opened =
    plan?.fromLink === true
      ? 'The shared link'
      : plan?.urlWins === true
        ? 'The address’s scenario'
        : null;
  if (plan === null || opened === null || plan.checked !== undefined) {
    startSaving(initial, plan);
    return;
  }
  // A link or the address's scenario opened over the saved state, which stays in storage until
  // this tab saves: read it once, offer back what it held, and hand the same reading to saving.
  void checkSaved(browserStorage()).then((checked) => {
    const over = passedOver(checked);
    if (over !== null) offerPassedOver(over, opened);
    startSaving(initial, { ...plan, checked });
  });
}

/** Saving starts once a generated scenario the page was first drawn with has arrived. */
function startSaving(initial: StartState, plan: StartPlan | null): void {
  const begin = (baseline: LogState) =>
    startPersistence({
      baseline,
      // The tab now shows what is saved: a reload restores it.
      onSaved: () => markFreshTab(false),
      saveStart: plan?.fromLink === true,
      ...(plan?.checked === undefined ? {} : { checked: plan.checked }),
    });
  if (initial.loading === null) {
    begin(initial);
    return;
  }
  const whenLoaded = (state: StartState) => {
    if (state.loading !== null) return;
    unsubscribe();
    begin(state);
  };
  const unsubscribe = useTenantStore.subscribe(whenLoaded);
  // It may have arrived while this module loaded.
  whenLoaded(useTenantStore.getState());
}
