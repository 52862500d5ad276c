import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeStatus } from '../core/commands';
import { toDocument } from '../core/document/document';
import { janeTinoScenario } from '../core/scenarios/jane-tino';
import { accountNamed } from '../core/testing/named';
import { type LogState, selectTenant, useTenantStore } from '../store/tenant-store';
import { usePersistStatus } from './persist-status';
import { checkSaved, type Persistence, SAVE_DELAY_MS, startPersistence } from './persistence';
import { estimatedSavedLength, SAVED_FORMAT, SAVED_VERSION, savedStateText } from './saved-state';
import { SAVED_STATE_KEY } from './saved-state-key';

const NOW = new Date(Date.UTC(2026, 0, 5, 12));

let running: Persistence | null = null;
let events: EventTarget;

function logOf(): LogState {
  const { scenarioId, scenarioParams, genesis, events, cursor } = useTenantStore.getState();
  return { scenarioId, scenarioParams, genesis, events, cursor };
}

function deactivate(name: string): void {
  const result = useTenantStore
    .getState()
    .dispatch((tenant) =>
      changeStatus(tenant, 'account_deactivated', accountNamed(tenant, name).id),
    );
  expect(result).toEqual({ ok: true });
}

function statusOf(name: string): string {
  return accountNamed(selectTenant(useTenantStore.getState()), name).status;
}

async function start(options: Parameters<typeof startPersistence>[0] = {}): Promise<Persistence> {
  running = startPersistence({ storage: localStorage, events, now: () => NOW, ...options });
  await running.ready;
  return running;
}

function saved(): string | null {
  return localStorage.getItem(SAVED_STATE_KEY);
}

/** What another tab's save looks like here. */
function otherTabSaves(text: string | null): void {
  if (text === null) localStorage.removeItem(SAVED_STATE_KEY);
  else localStorage.setItem(SAVED_STATE_KEY, text);
  events.dispatchEvent(
    new StorageEvent('storage', {
      key: SAVED_STATE_KEY,
      newValue: text,
      storageArea: localStorage,
    }),
  );
}

describe('saved state', () => {
  beforeEach(async () => {
    vi.useFakeTimers();
    localStorage.clear();
    events = new EventTarget();
    await useTenantStore.getState().loadScenario('jane-tino');
    useTenantStore.getState().dismissNotice();
    usePersistStatus.setState({ unreadable: null, otherTab: false });
  });
  afterEach(() => {
    running?.stop();
    running = null;
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('saves 300 ms after the last change, and restores exactly that state', async () => {
    await start();
    expect(saved()).toBeNull();
    deactivate('Jane Tino');
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(saved()).toBeNull();
    deactivate('Sam Patel');
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(saved()).toBeNull();
    vi.advanceTimersByTime(1);
    const text = saved();
    expect(JSON.parse(text ?? 'null')).toMatchObject({
      format: SAVED_FORMAT,
      version: SAVED_VERSION,
      savedAt: NOW.toISOString(),
      document: { format: 'key-lifecycle-console', scenario: { id: 'jane-tino' } },
    });
    const before = logOf();

    // A reload: the page starts on the default, then reads what was saved.
    await useTenantStore.getState().loadScenario('jane-tino');
    const found = await checkSaved(localStorage);
    expect(found).toEqual({ kind: 'readable', text, state: before });
  });

  it('saves at once on pagehide, and saves nothing when nothing changed', async () => {
    await start();
    events.dispatchEvent(new Event('pagehide'));
    expect(saved()).toBeNull();
    deactivate('Jane Tino');
    events.dispatchEvent(new Event('pagehide'));
    expect(saved()).not.toBeNull();
  });

  it('does not save the state it started on (a page opened on ?scenario= overwrites nothing)', async () => {
    const earlier = savedStateText(toDocument(logOf()), NOW);
    localStorage.setItem(SAVED_STATE_KEY, earlier);
    await useTenantStore.getState().loadScenario('blank');
    await start();
    vi.advanceTimersByTime(SAVE_DELAY_MS * 10);
    events.dispatchEvent(new Event('pagehide'));
    expect(saved()).toBe(earlier);
  });

  it.each([
    ['unreadable JSON', '{"format": "key-lifecycle', '(saved state)', /not valid JSON/],
    [
      'an unknown version',
      JSON.stringify({ format: SAVED_FORMAT, version: 99, savedAt: '', document: {} }),
      'version',
      /newer version/,
    ],
    [
      'a document failing validation',
      JSON.stringify({
        format: SAVED_FORMAT,
        version: 1,
        savedAt: NOW.toISOString(),
        document: { ...toDocument(logOfJane()), cursor: 999 },
      }),
      'document.cursor',
      /log has/,
    ],
    [
      'an event the reducer refuses',
      JSON.stringify({
        format: SAVED_FORMAT,
        version: 1,
        savedAt: NOW.toISOString(),
        document: {
          ...toDocument(logOfJane()),
          events: [{ type: 'account_deleted', at: 1, actor: { kind: 'console' }, accountId: 'x' }],
        },
      }),
      'document.events[0]',
      /.+/,
    ],
  ])(
    'keeps %s, offers it for download, and saves nothing over it until it is discarded',
    async (_label, text, field, reason) => {
      localStorage.setItem(SAVED_STATE_KEY, text);
      await start();
      const { unreadable } = usePersistStatus.getState();
      expect(unreadable?.text).toBe(text);
      expect(unreadable?.problems[0]?.field).toBe(field);
      expect(unreadable?.problems[0]?.reason).toMatch(reason);
      // The page runs on the scenario; changes are not saved over the unreadable data.
      deactivate('Jane Tino');
      vi.advanceTimersByTime(SAVE_DELAY_MS * 10);
      events.dispatchEvent(new Event('pagehide'));
      expect(saved()).toBe(text);

      running?.discardUnreadable();
      expect(usePersistStatus.getState().unreadable).toBeNull();
      vi.advanceTimersByTime(SAVE_DELAY_MS);
      expect(await checkSaved(localStorage)).toMatchObject({ kind: 'readable', state: logOf() });
    },
  );

  it('reports a full storage in a notice, with the reason, and tries again on the next change', async () => {
    await start();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    deactivate('Jane Tino');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(useTenantStore.getState().notice).toMatchObject({
      tone: 'error',
      message: expect.stringMatching(
        /^The state could not be saved in this browser: .*storage .* is full \(QuotaExceededError\)/,
      ),
    });
    expect(saved()).toBeNull();

    setItem.mockRestore();
    deactivate('Sam Patel');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(await checkSaved(localStorage)).toMatchObject({ kind: 'readable', state: logOf() });
  });

  it('does not write out a state far over any quota, and says so', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const stringify = vi.spyOn(JSON, 'stringify');
    const document = toDocument({ ...logOf(), events: [...janeTinoScenario.events] });
    // A limit between this state and the same with one more event, for the test.
    await start({ unsavableChars: estimatedSavedLength(document) + 50 });
    deactivate('Jane Tino');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(useTenantStore.getState().notice?.message).toMatch(
      /^The state is too big to save in this browser: about 0 million characters, where browsers keep about 5 million for a page\. It stays on this page until you leave it; Export JSON keeps a copy\.$/,
    );
    expect(setItem).not.toHaveBeenCalled();
    // Never written out whole: only the document without its events, and a sample of them.
    expect(
      stringify.mock.calls.some(([value]) => JSON.stringify(value ?? null).length > 50_000),
    ).toBe(false);
    expect(saved()).toBeNull();
  });

  it('reports storage that cannot be reached at all', async () => {
    await start({ storage: null });
    deactivate('Jane Tino');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(useTenantStore.getState().notice?.message).toBe(
      'The state could not be saved in this browser: SecurityError: localStorage cannot be reached on this page. It stays on this page until you leave it; Export JSON keeps a copy.',
    );
  });

  describe('with another tab', () => {
    it('stops saving when another tab saves, until the person chooses', async () => {
      await start();
      deactivate('Jane Tino');
      vi.advanceTimersByTime(SAVE_DELAY_MS);
      const mine = saved();

      // The other tab: Sam deactivated, Jane active.
      const theirs = savedStateText(toDocument(logOfJane(['Sam Patel'])), NOW);
      otherTabSaves(theirs);
      expect(usePersistStatus.getState().otherTab).toBe(true);
      expect(mine).not.toBe(theirs);

      // This tab's change is not saved over the other tab's.
      deactivate('Eli Brooks');
      vi.advanceTimersByTime(SAVE_DELAY_MS * 10);
      events.dispatchEvent(new Event('pagehide'));
      expect(saved()).toBe(theirs);

      // Load it: this tab shows the other tab's state, and has nothing to save.
      await running?.loadOtherTab();
      expect(usePersistStatus.getState().otherTab).toBe(false);
      expect(statusOf('Sam Patel')).toBe('deactivated');
      expect(statusOf('Jane Tino')).toBe('active');
      vi.advanceTimersByTime(SAVE_DELAY_MS * 10);
      expect(saved()).toBe(theirs);
      // And saves its next change again.
      deactivate('Vera Lin');
      vi.advanceTimersByTime(SAVE_DELAY_MS);
      expect(saved()).not.toBe(theirs);
    });

    it("saves this tab's state over the other tab's only when the person keeps it", async () => {
      await start();
      otherTabSaves(savedStateText(toDocument(logOfJane(['Sam Patel'])), NOW));
      deactivate('Jane Tino');
      vi.advanceTimersByTime(SAVE_DELAY_MS * 10);
      running?.keepThisTab();
      expect(usePersistStatus.getState().otherTab).toBe(false);
      expect(await checkSaved(localStorage)).toMatchObject({ kind: 'readable', state: logOf() });
    });

    it('goes on saving when another tab removes the saved state', async () => {
      localStorage.setItem(SAVED_STATE_KEY, 'not json');
      await start();
      expect(usePersistStatus.getState().unreadable).not.toBeNull();
      otherTabSaves(null);
      expect(usePersistStatus.getState().unreadable).toBeNull();
      deactivate('Jane Tino');
      vi.advanceTimersByTime(SAVE_DELAY_MS);
      expect(await checkSaved(localStorage)).toMatchObject({ kind: 'readable', state: logOf() });
    });

    it('ignores other keys (the theme) and events after it stopped', async () => {
      await start();
      events.dispatchEvent(
        new StorageEvent('storage', {
          key: 'klc-theme',
          newValue: 'dark',
          storageArea: localStorage,
        }),
      );
      expect(usePersistStatus.getState().otherTab).toBe(false);
      running?.stop();
      otherTabSaves('{}');
      expect(usePersistStatus.getState().otherTab).toBe(false);
    });
  });
});

/** jane-tino with these people deactivated, as a state (the store is not touched). */
function logOfJane(deactivated: readonly string[] = []): LogState {
  let state: LogState = {
    scenarioId: 'jane-tino',
    scenarioParams: {},
    genesis: janeTinoScenario.genesis,
    events: janeTinoScenario.events,
    cursor: janeTinoScenario.events.length,
  };
  for (const name of deactivated) {
    const tenant = selectTenant(state);
    const event = changeStatus(tenant, 'account_deactivated', accountNamed(tenant, name).id);
    const events = [...state.events, event];
    state = { ...state, events, cursor: events.length };
  }
  return state;
}
