import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTenantStore } from '../store/tenant-store';
import { initialiseScenarioFromUrl, writeScenarioToAddress } from './scenario-url';

let stop: (() => void) | undefined;

function open(search: string): void {
  window.history.replaceState(null, '', `/${search}`);
  stop = initialiseScenarioFromUrl();
}

function waitForLoad(): Promise<void> {
  return new Promise((resolve) => {
    if (useTenantStore.getState().loading === null) return resolve();
    const unsubscribe = useTenantStore.subscribe((state) => {
      if (state.loading !== null) return;
      unsubscribe();
      resolve();
    });
  });
}

describe('scenario deep links', () => {
  beforeEach(() => {
    void useTenantStore.getState().loadScenario('jane-tino');
    useTenantStore.getState().dismissNotice();
  });
  afterEach(() => {
    stop?.();
    window.history.replaceState(null, '', '/');
  });

  it.each([
    ['?scenario=large&people=abc', 'people must be a whole number from 1 to 20000; got "abc".'],
    ['?scenario=large&people=999999', 'people must be a whole number from 1 to 20000'],
    ['?scenario=large&keysPerPerson=11', 'keysPerPerson must be a whole number from 0 to 10'],
  ])('alerts on %s, naming the parameter and its range, and loads nothing', (search, reason) => {
    open(search);
    const state = useTenantStore.getState();
    expect(state.notice?.message).toContain(reason);
    expect(state.loading).toBeNull();
    expect(state.scenarioId).toBe('jane-tino');
    expect(window.location.search).toBe(search);
  });

  it('loads the large scenario with the given parameters and writes the missing default', async () => {
    open('?scenario=large&people=40');
    expect(useTenantStore.getState().loading).toEqual({
      id: 'large',
      params: { people: 40, keysPerPerson: 4 },
    });
    expect(window.location.search).toBe('?scenario=large&people=40&keysPerPerson=4');
    await waitForLoad();
    expect(useTenantStore.getState().scenarioId).toBe('large');
    expect(window.location.search).toBe('?scenario=large&people=40&keysPerPerson=4');
  });

  it('drops the large parameters when a fixed scenario is picked, and writes them back', async () => {
    open('?scenario=large&people=40&keysPerPerson=1');
    await waitForLoad();
    await useTenantStore.getState().loadScenario('blank');
    expect(window.location.search).toBe('?scenario=blank');
    const pending = useTenantStore.getState().loadScenario('large', { people: 30 });
    expect(window.location.search).toBe('?scenario=large&people=30&keysPerPerson=4');
    await pending;
    expect(useTenantStore.getState().scenarioId).toBe('large');
  });
});

/** The same log, as an import of a tenant no scenario makes ("custom") would leave it. */
function replaceWithCustomLog(): void {
  const state = useTenantStore.getState();
  useTenantStore.getState().replaceLog({
    scenarioId: 'custom',
    scenarioParams: {},
    genesis: state.genesis,
    events: state.events,
    cursor: state.cursor,
  });
}

describe('scenario deep links for an imported tenant', () => {
  afterEach(() => {
    stop?.();
    window.history.replaceState(null, '', '/');
  });

  it('drops ?scenario= for a log no scenario makes (an import), rather than naming "custom"', () => {
    open('?scenario=jane-tino');
    replaceWithCustomLog();
    expect(new URL(window.location.href).searchParams.get('scenario')).toBeNull();
  });
});

describe('writeScenarioToAddress', () => {
  beforeEach(async () => {
    await useTenantStore.getState().loadScenario('jane-tino');
  });
  afterEach(() => {
    vi.restoreAllMocks();
    window.history.replaceState(null, '', '/');
  });

  it('gives back the scenario shown to an address that names another, keeping the view and the fragment', () => {
    // Back or forward to an entry written while another scenario was shown.
    window.history.replaceState({ entry: 1 }, '', '/?scenario=blank&view=keys#main');
    const entries = window.history.length;
    writeScenarioToAddress();
    expect(`${window.location.search}${window.location.hash}`).toBe(
      '?scenario=jane-tino&view=keys#main',
    );
    expect(window.history.length).toBe(entries);
    expect(window.history.state).toEqual({ entry: 1 });
  });

  it('writes the parameters of a generated scenario, and drops those it does not take', async () => {
    await useTenantStore.getState().loadScenario('large', { people: '30' });
    window.history.replaceState(null, '', '/?view=api&people=5&keysPerPerson=9');
    writeScenarioToAddress();
    expect(window.location.search).toBe('?view=api&scenario=large&people=30&keysPerPerson=4');
    await useTenantStore.getState().loadScenario('blank');
    writeScenarioToAddress();
    expect(window.location.search).toBe('?view=api&scenario=blank');
  });

  it('writes the scenario being loaded, not the one still shown', () => {
    window.history.replaceState(null, '', '/');
    const pending = useTenantStore.getState().loadScenario('large', { people: '20' });
    writeScenarioToAddress();
    expect(window.location.search).toBe('?scenario=large&people=20&keysPerPerson=4');
    return pending;
  });

  it('drops ?scenario= for an imported log no scenario makes', () => {
    replaceWithCustomLog();
    window.history.replaceState(null, '', '/?scenario=jane-tino&view=timeline');
    writeScenarioToAddress();
    expect(window.location.search).toBe('?view=timeline');
  });

  it('leaves the history alone when the address already says it', () => {
    window.history.replaceState(null, '', '/?scenario=jane-tino&view=training');
    const replace = vi.spyOn(window.history, 'replaceState');
    writeScenarioToAddress();
    expect(replace).not.toHaveBeenCalled();
  });
});
