import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTenantStore } from '../store/tenant-store';
import { initialiseScenarioFromUrl } from './scenario-url';

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

describe('scenario deep links for an imported tenant', () => {
  afterEach(() => {
    stop?.();
    window.history.replaceState(null, '', '/');
  });

  it('drops ?scenario= for a log no scenario makes (an import), rather than naming "custom"', () => {
    open('?scenario=jane-tino');
    const state = useTenantStore.getState();
    useTenantStore.getState().replaceLog({
      scenarioId: 'custom',
      scenarioParams: {},
      genesis: state.genesis,
      events: state.events,
      cursor: state.cursor,
    });
    expect(new URL(window.location.href).searchParams.get('scenario')).toBeNull();
  });
});
