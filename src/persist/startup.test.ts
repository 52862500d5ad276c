// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { replay } from '../core/apply';
import { changeStatus } from '../core/commands';
import { type DocumentState, toDocument } from '../core/document/document';
import { janeTinoScenario } from '../core/scenarios/jane-tino';
import { generateLargeScenario } from '../core/scenarios/large';
import { accountNamed } from '../core/testing/named';
import { encodeDocument } from '../share/link-codec';
import { documentOf } from '../share/state-document';
import { logOf } from '../store/log-state';
import { selectTenant, useTenantStore } from '../store/tenant-store';
import { createCoreClient } from '../worker/core-client';
import { replaceCoreClient } from '../worker/off-thread';
import { fakeCoreWorker } from '../worker/testing/fake-core-worker';
import { savedStateText } from './saved-state';
import { SAVED_STATE_KEY } from './saved-state-key';
import { applyStart, readStart, type StartPage } from './startup';

/** jane-tino with these people deactivated. */
function janeWith(...deactivated: string[]): DocumentState {
  let state: DocumentState = {
    scenarioId: 'jane-tino',
    scenarioParams: {},
    genesis: janeTinoScenario.genesis,
    events: janeTinoScenario.events,
    cursor: janeTinoScenario.events.length,
  };
  for (const name of deactivated) {
    const tenant = selectTenant(state);
    const events = [
      ...state.events,
      changeStatus(tenant, 'account_deactivated', accountNamed(tenant, name).id),
    ];
    state = { ...state, events, cursor: events.length };
  }
  return state;
}

function storageWith(text: string | null): Storage {
  const items = new Map<string, string>(text === null ? [] : [[SAVED_STATE_KEY, text]]);
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const saved = janeWith('Jane Tino');
const savedText = savedStateText(toDocument(saved), new Date(0));
const linked = janeWith('Sam Patel');

function page(search: string, hash = '', navigationType = 'navigate', freshTab = false): StartPage {
  return { search, hash, navigationType, freshTab };
}

describe('what the page opens on', () => {
  it('opens a #state= link before the URL scenario and the saved state', async () => {
    const hash = `#state=${await encodeDocument(toDocument(linked))}`;
    const plan = await readStart(page('?scenario=blank', hash), storageWith(savedText));
    expect(plan).toMatchObject({ state: linked, fromLink: true, clearLink: true, notice: null });
  });

  it('says why a link was refused, and opens the saved state instead', async () => {
    const payload = await encodeDocument(toDocument(linked));
    const hash = `#state=${payload.slice(0, -12)}`;
    const plan = await readStart(page('', hash), storageWith(savedText));
    expect(plan).toMatchObject({ state: saved, fromLink: false, clearLink: true });
    expect(plan.notice).toMatch(/^The shared link was not opened, so nothing changed\. .*cut/);
  });

  it('opens ?scenario= afresh when the address is opened, without reading the saved state', async () => {
    const plan = await readStart(page('?scenario=jane-tino'), storageWith(savedText));
    expect(plan).toEqual({
      state: null,
      fromLink: false,
      clearLink: false,
      notice: null,
      urlWins: true,
    });
  });

  it('keeps showing ?scenario= afresh on a reload of a tab that has saved nothing since', async () => {
    const plan = await readStart(
      page('?scenario=blank', '', 'reload', true),
      storageWith(savedText),
    );
    expect(plan).toMatchObject({ state: null, urlWins: true });
  });

  it.each(['reload', 'back_forward'])(
    'restores the saved state on %s, ?scenario= or not',
    async (type) => {
      const plan = await readStart(page('?scenario=jane-tino', '', type), storageWith(savedText));
      expect(plan).toMatchObject({ state: saved, checked: { kind: 'readable', text: savedText } });
    },
  );

  it('opens the saved state when the address names no scenario', async () => {
    const plan = await readStart(page(''), storageWith(savedText));
    expect(plan.state).toEqual(saved);
  });

  it('starts on the default when nothing is saved, or what is saved cannot be read', async () => {
    expect(await readStart(page(''), storageWith(null))).toMatchObject({
      state: null,
      checked: { kind: 'none' },
    });
    expect(await readStart(page(''), null)).toMatchObject({ state: null });
    expect(await readStart(page(''), storageWith('{"oops'))).toMatchObject({
      state: null,
      checked: { kind: 'unreadable', text: '{"oops', problems: [{ field: '(saved state)' }] },
    });
  });
});

describe('a saved state of a generated scenario', () => {
  const large = generateLargeScenario({ people: 30, keysPerPerson: 2 });
  const base = large.tenant ?? replay(large.genesis, large.events).tenant;
  const change = changeStatus(
    base,
    'account_deactivated',
    [...base.accounts.values()].find((a) => a.status === 'active')?.id ?? '',
  );
  const largeState: DocumentState = {
    scenarioId: 'large',
    scenarioParams: { people: 30, keysPerPerson: 2 },
    genesis: large.genesis,
    events: [...large.events, change],
    cursor: large.events.length + 1,
  };
  const largeText = savedStateText(toDocument(largeState, large.events), new Date(0));

  afterEach(() => {
    replaceCoreClient(null);
    vi.unstubAllGlobals();
  });

  it('is read before the first render where no worker can read it', async () => {
    const plan = await readStart(page(''), storageWith(largeText));
    expect(plan.restore).toBeUndefined();
    expect(plan.state).toEqual(largeState);
  });

  it('waits for the first render where a worker can read it: nothing is read before', async () => {
    vi.stubGlobal('Worker', class {});
    const plan = await readStart(page('?scenario=large', '', 'reload'), storageWith(largeText));
    expect(plan).toEqual({
      state: null,
      fromLink: false,
      clearLink: false,
      notice: null,
      restore: {
        text: largeText,
        loading: { id: 'large', params: { people: 30, keysPerPerson: 2 } },
      },
    });
  });

  it('opens in the worker while the default scenario shows, with its own events named for saving', async () => {
    vi.stubGlobal('Worker', class {});
    const fake = fakeCoreWorker({ auto: true, eventsPerBatch: 40 });
    replaceCoreClient(createCoreClient({ createWorker: () => fake.worker }));
    useTenantStore.getState().loadScenario('jane-tino');
    const plan = await readStart(page(''), storageWith(largeText));
    applyStart(plan);
    // Drawn meanwhile: the default scenario, and the load.
    expect(useTenantStore.getState()).toMatchObject({
      scenarioId: 'jane-tino',
      loading: { id: 'large', params: { people: 30, keysPerPerson: 2 } },
    });
    await vi.waitFor(() => expect(useTenantStore.getState().scenarioId).toBe('large'));
    const state = useTenantStore.getState();
    expect(state.loading).toBeNull();
    expect({
      scenarioId: state.scenarioId,
      scenarioParams: state.scenarioParams,
      genesis: state.genesis,
      events: state.events,
      cursor: state.cursor,
    }).toEqual(largeState);
    expect(selectTenant(state)).toEqual(replay(large.genesis, largeState.events).tenant);
    // A save writes the scenario by reference again, not its events.
    expect(documentOf(logOf(state)).base).toMatchObject({
      kind: 'generated',
      events: large.events.length,
    });
  });

  it('cancel leaves the default scenario as it was, and reads nothing into the page', async () => {
    vi.stubGlobal('Worker', class {});
    const fake = fakeCoreWorker();
    replaceCoreClient(createCoreClient({ createWorker: () => fake.worker }));
    useTenantStore.getState().loadScenario('jane-tino');
    const before = useTenantStore.getState();
    const storage = storageWith(largeText);
    applyStart(await readStart(page(''), storage));
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    await fake.answered();
    await fake.deliver(3);
    useTenantStore.getState().cancelLoading();
    const after = useTenantStore.getState();
    expect(after.loading).toBeNull();
    expect(after.events).toBe(before.events);
    expect(after.genesis).toBe(before.genesis);
    expect(after.cursor).toBe(before.cursor);
    expect(after.notice).toBeNull();
    expect(fake.terminated).toBe(true);
    expect(storage.getItem(SAVED_STATE_KEY)).toBe(largeText);
  });
});
