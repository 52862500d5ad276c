/**
 * A saved state built on a generated scenario is read in the core worker (here the real handler
 * behind a fake worker): the check the page makes after a link or the address's scenario opened
 * over it, and "Load the other tab's state", which opens it behind the loading bar.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeStatus } from '../core/commands';
import { fingerprintEvents, toDocument } from '../core/document/document';
import { generateLargeScenario } from '../core/scenarios/large';
import { documentOf, scenarioEventsOf } from '../share/state-document';
import { droppedChanges } from '../store/log-changes';
import { selectTenant, useTenantStore } from '../store/tenant-store';
import { createCoreClient } from '../worker/core-client';
import { replaceCoreClient } from '../worker/off-thread';
import { type FakeCoreWorker, fakeCoreWorker } from '../worker/testing/fake-core-worker';
import { checkSaved, startPersistence } from './persistence';
import { readSavedStateText, savedStateText } from './saved-state';
import { SAVED_STATE_KEY } from './saved-state-key';

const scenario = generateLargeScenario({ people: 30, keysPerPerson: 2 });
const someone = [...(scenario.tenant?.accounts.values() ?? [])].find(
  (account) => account.status === 'active',
);
if (someone === undefined || scenario.tenant === undefined) throw new Error('no one active');
const change = changeStatus(scenario.tenant, 'account_deactivated', someone.id);
const savedState = {
  scenarioId: 'large',
  scenarioParams: { people: 30, keysPerPerson: 2 },
  genesis: scenario.genesis,
  events: [...scenario.events, change],
  cursor: scenario.events.length + 1,
};
const text = savedStateText(toDocument(savedState, scenario.events), new Date(0));

function useFake(): FakeCoreWorker {
  const fake = fakeCoreWorker({ auto: true, eventsPerBatch: 64 });
  replaceCoreClient(createCoreClient({ createWorker: () => fake.worker }));
  return fake;
}

describe('a generated saved state, read in the core worker', () => {
  beforeAll(() => vi.stubGlobal('Worker', class {}));
  afterAll(() => {
    replaceCoreClient(null);
    vi.unstubAllGlobals();
  });
  beforeEach(async () => {
    localStorage.clear();
    await useTenantStore.getState().loadScenario('jane-tino');
  });

  it('is checked there, and found as the page’s own reader finds it', async () => {
    const fake = useFake();
    localStorage.setItem(SAVED_STATE_KEY, text);
    const found = await checkSaved(localStorage);
    const page = await readSavedStateText(text);
    if (!page.ok) throw new Error('the page refused it');
    expect(found).toEqual({ kind: 'readable', text, state: page.state });
    expect(fake.requests).toMatchObject([{ type: 'read-saved', text }]);
    // Its scenario's own events are known, as after the page's reading: one change past them.
    if (found.kind !== 'readable') throw new Error('not readable');
    expect(scenarioEventsOf(found.state)).toEqual(scenario.events);
    expect(droppedChanges(found.state.events, scenarioEventsOf(found.state))).toBe(1);
    expect(JSON.parse(savedStateText(documentOf(found.state), new Date(0))).document.base).toEqual({
      kind: 'generated',
      events: scenario.events.length,
      fingerprint: fingerprintEvents(scenario.events),
    });
    // Only read: the console still shows what it showed.
    expect(useTenantStore.getState().scenarioId).toBe('jane-tino');
  });

  it('says what is wrong with it, as the page would', async () => {
    useFake();
    const broken = text.replace(/"fingerprint":"[^"]+"/, '"fingerprint":"nope"');
    localStorage.setItem(SAVED_STATE_KEY, broken);
    const found = await checkSaved(localStorage);
    const page = await readSavedStateText(broken);
    expect(found).toEqual({
      kind: 'unreadable',
      text: broken,
      problems: page.ok ? [] : page.problems,
    });
  });

  it('"Load the other tab’s state" opens it through the worker, with its tenant built', async () => {
    const fake = useFake();
    const persistence = startPersistence({ storage: localStorage, events: new EventTarget() });
    await persistence.ready;
    localStorage.setItem(SAVED_STATE_KEY, text);
    await persistence.loadOtherTab();
    const state = useTenantStore.getState();
    expect(state.scenarioId).toBe('large');
    expect(state.events).toEqual(savedState.events);
    expect(state.cursor).toBe(savedState.cursor);
    expect(selectTenant(state).accounts.get(someone.id)?.status).toBe('deactivated');
    expect(fake.requests).toMatchObject([{ type: 'read-saved', text }]);
    persistence.stop();
  });
});
