import { beforeEach, describe, expect, it } from 'vitest';
import { apply, replay } from '../core/apply';
import { changeStatus, createKey } from '../core/commands';
import { evaluateKey } from '../core/key-verdict';
import { janeTinoScenario } from '../core/scenarios/jane-tino';
import { generateLargeScenario } from '../core/scenarios/large';
import { generatedBaseOf, selectTenant, useTenantStore } from './tenant-store';

function accountIdOf(name: string): string {
  const account = [...selectTenant(useTenantStore.getState()).accounts.values()].find(
    (candidate) => candidate.name === name,
  );
  if (account === undefined) throw new Error(`no account named ${name}`);
  return account.id;
}

function keyIdOf(name: string): string {
  const key = [...selectTenant(useTenantStore.getState()).keys.values()].find(
    (k) => k.name === name,
  );
  if (key === undefined) throw new Error(`no key named ${name}`);
  return key.id;
}

describe('tenant store', () => {
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
  });

  it('starts on the jane-tino scenario with its whole log in effect', () => {
    const state = useTenantStore.getState();
    expect(state.scenarioId).toBe('jane-tino');
    expect(state.events).toBe(janeTinoScenario.events);
    expect(state.cursor).toBe(janeTinoScenario.events.length);
  });

  it('appends an accepted event and derives the new verdicts from the log', () => {
    const jane = accountIdOf('Jane Tino');
    const result = useTenantStore
      .getState()
      .dispatch((t) => changeStatus(t, 'account_deactivated', jane));
    expect(result).toEqual({ ok: true });
    const state = useTenantStore.getState();
    expect(state.events).toHaveLength(janeTinoScenario.events.length + 1);
    expect(state.events.at(-1)).toMatchObject({ type: 'account_deactivated', accountId: jane });
    const tenant = selectTenant(state);
    expect(evaluateKey(tenant, keyIdOf('Jane personal')).status).toBe(401);
    expect(evaluateKey(tenant, keyIdOf('Jane team')).status).toBe(200);
  });

  it('refuses a disallowed event with its reason and leaves the log untouched', () => {
    const jane = accountIdOf('Jane Tino');
    const before = useTenantStore.getState().events;
    const result = useTenantStore
      .getState()
      .dispatch((t) => changeStatus(t, 'account_reactivated', jane));
    expect(result.ok).toBe(false);
    const state = useTenantStore.getState();
    expect(state.events).toBe(before);
    expect(state.notice).toMatchObject({ tone: 'error', message: 'Jane Tino is already active.' });
  });

  it('clears the notice when the next change is accepted', () => {
    const jane = accountIdOf('Jane Tino');
    const { dispatch } = useTenantStore.getState();
    dispatch((t) => changeStatus(t, 'account_reactivated', jane));
    expect(useTenantStore.getState().notice).not.toBeNull();
    dispatch((t) => changeStatus(t, 'account_deactivated', jane));
    expect(useTenantStore.getState().notice).toBeNull();
  });

  it('drops events after the cursor when a new change is made', () => {
    const jane = accountIdOf('Jane Tino');
    const { dispatch } = useTenantStore.getState();
    dispatch((t) => changeStatus(t, 'account_deactivated', jane));
    dispatch((t) => changeStatus(t, 'account_reactivated', jane));
    // Step back one event, as a timeline would, then change something else.
    useTenantStore.setState({ cursor: useTenantStore.getState().cursor - 1 });
    dispatch((t) => changeStatus(t, 'account_deleted', jane));
    const { events, cursor } = useTenantStore.getState();
    expect(cursor).toBe(events.length);
    expect(events.slice(-2).map((event) => event.type)).toEqual([
      'account_deactivated',
      'account_deleted',
    ]);
  });

  it('logs several events as one change, each built on the tenant the previous one left', () => {
    const jane = accountIdOf('Jane Tino');
    const vera = accountIdOf('Vera Lin');
    const before = useTenantStore.getState().events.length;
    const result = useTenantStore.getState().dispatchAll((tenant) => {
      const first = changeStatus(tenant, 'account_deactivated', jane);
      const after = apply(tenant, first);
      if (!after.ok) throw new Error(after.refusal.reason);
      return [first, changeStatus(after.tenant, 'account_deactivated', vera)];
    });
    expect(result).toEqual({ ok: true });
    const state = useTenantStore.getState();
    expect(state.events.slice(before).map((event) => event.type)).toEqual([
      'account_deactivated',
      'account_deactivated',
    ]);
    expect(state.cursor).toBe(before + 2);
    expect(selectTenant(state)).toEqual(replay(state.genesis, state.events).tenant);
  });

  it('logs none of several events when one is refused, and says why', () => {
    const jane = accountIdOf('Jane Tino');
    const before = useTenantStore.getState().events;
    const result = useTenantStore
      .getState()
      .dispatchAll((tenant) => [
        changeStatus(tenant, 'account_deactivated', jane),
        changeStatus(tenant, 'account_reactivated', accountIdOf('Vera Lin')),
      ]);
    expect(result.ok).toBe(false);
    expect(useTenantStore.getState().events).toBe(before);
    expect(useTenantStore.getState().notice).toMatchObject({
      tone: 'error',
      message: 'Vera Lin is already active.',
    });
  });

  it('derives the same tenant incrementally as a full replay of the log', () => {
    const { dispatch } = useTenantStore.getState();
    const jane = accountIdOf('Jane Tino');
    const vera = accountIdOf('Vera Lin');
    dispatch((t) => changeStatus(t, 'account_deactivated', jane));
    dispatch((t) => createKey(t, { name: 'Vera second', scope: 'personal', createdBy: vera }));
    dispatch((t) => changeStatus(t, 'account_deleted', vera));
    const state = useTenantStore.getState();
    expect(selectTenant(state)).toEqual(replay(state.genesis, state.events).tenant);
  });

  it('returns the very same tenant object while the log is unchanged', () => {
    const state = useTenantStore.getState();
    expect(selectTenant(state)).toBe(selectTenant(useTenantStore.getState()));
    useTenantStore.getState().showNotice('info', 'hello');
    expect(selectTenant(useTenantStore.getState())).toBe(selectTenant(state));
  });

  it('refuses an unknown scenario and keeps the current one', () => {
    useTenantStore.getState().loadScenario('nope');
    const state = useTenantStore.getState();
    expect(state.scenarioId).toBe('jane-tino');
    expect(state.notice?.message).toContain('"nope"');
  });

  it('resets the scenario to its original log', () => {
    const jane = accountIdOf('Jane Tino');
    useTenantStore.getState().dispatch((t) => changeStatus(t, 'account_deleted', jane));
    useTenantStore.getState().resetScenario();
    expect(useTenantStore.getState().events).toBe(janeTinoScenario.events);
  });

  describe('the generated large scenario', () => {
    it('loads asynchronously, showing the load, then swaps in its genesis and log at once', async () => {
      const before = useTenantStore.getState();
      const pending = useTenantStore.getState().loadScenario('large', { people: '200' });

      const loading = useTenantStore.getState();
      expect(loading.loading).toEqual({ id: 'large', params: { people: 200, keysPerPerson: 4 } });
      expect(loading.scenarioId).toBe('jane-tino');
      expect(loading.events).toBe(before.events);

      await expect(pending).resolves.toEqual({ ok: true });
      const state = useTenantStore.getState();
      const expected = generateLargeScenario({ people: 200, keysPerPerson: 4 });
      expect(state.loading).toBeNull();
      expect(state.scenarioId).toBe('large');
      expect(state.scenarioParams).toEqual({ people: 200, keysPerPerson: 4 });
      expect(state.genesis).toStrictEqual(expected.genesis);
      expect(state.events).toStrictEqual(expected.events);
      expect(state.cursor).toBe(expected.events.length);
    });

    it('derives exactly the replayed tenant from the tenant the generator handed over', async () => {
      await useTenantStore.getState().loadScenario('large', { people: '60', keysPerPerson: '3' });
      const state = useTenantStore.getState();
      expect(state.scenarioId).toBe('large');
      expect(selectTenant(state)).toEqual(replay(state.genesis, state.events).tenant);
      // Later changes still build on it incrementally.
      const account = [...selectTenant(state).accounts.values()].find((a) => a.status === 'active');
      if (account === undefined) throw new Error('no active account');
      useTenantStore.getState().dispatch((t) => changeStatus(t, 'account_deactivated', account.id));
      const next = useTenantStore.getState();
      expect(selectTenant(next)).toEqual(replay(next.genesis, next.events).tenant);
    });

    it.each([
      ['abc', 'people must be a whole number from 1 to 20000; got "abc".'],
      ['999999', 'people must be a whole number from 1 to 20000; got "999999".'],
    ])(
      'refuses people=%s with a notice naming the parameter and its range, loading nothing',
      async (people, reason) => {
        const before = useTenantStore.getState();
        const result = await useTenantStore.getState().loadScenario('large', { people });
        expect(result).toMatchObject({ ok: false });
        const state = useTenantStore.getState();
        expect(state.notice?.tone).toBe('error');
        expect(state.notice?.message).toContain(reason);
        expect(state.notice?.message).toContain('Still showing "Jane Tino (the FAQ)"');
        expect(state.loading).toBeNull();
        expect(state.scenarioId).toBe('jane-tino');
        expect(state.scenarioParams).toBe(before.scenarioParams);
        expect(state.genesis).toBe(before.genesis);
        expect(state.events).toBe(before.events);
      },
    );

    it('refuses keysPerPerson out of range, naming it and its range', async () => {
      await useTenantStore.getState().loadScenario('large', { people: '10', keysPerPerson: '11' });
      expect(useTenantStore.getState().notice?.message).toContain(
        'keysPerPerson must be a whole number from 0 to 10; got "11".',
      );
      expect(useTenantStore.getState().scenarioId).toBe('jane-tino');
    });

    it('resets to the same generated tenant: same parameters, deep-equal events', async () => {
      await useTenantStore.getState().loadScenario('large', { people: 150, keysPerPerson: 1 });
      const { dispatch } = useTenantStore.getState();
      const active = [...selectTenant(useTenantStore.getState()).accounts.values()].find(
        (a) => a.status === 'active',
      );
      if (active === undefined) throw new Error('no active account');
      dispatch((t) => changeStatus(t, 'account_deleted', active.id));
      expect(useTenantStore.getState().events.at(-1)?.type).toBe('account_deleted');

      await expect(useTenantStore.getState().resetScenario()).resolves.toEqual({ ok: true });
      const state = useTenantStore.getState();
      const fresh = generateLargeScenario({ people: 150, keysPerPerson: 1 });
      expect(state.scenarioId).toBe('large');
      expect(state.scenarioParams).toEqual({ people: 150, keysPerPerson: 1 });
      expect(state.events).toStrictEqual(fresh.events);
      expect(selectTenant(state)).toEqual(fresh.tenant);
    });

    it('lets a later choice win over a generated scenario still loading', async () => {
      const pending = useTenantStore.getState().loadScenario('large');
      expect(useTenantStore.getState().loading).toEqual({
        id: 'large',
        params: { people: 10000, keysPerPerson: 4 },
      });
      useTenantStore.getState().loadScenario('blank');
      await expect(pending).resolves.toMatchObject({ ok: false });
      const state = useTenantStore.getState();
      expect(state.scenarioId).toBe('blank');
      expect(state.loading).toBeNull();
    });
  });
});

describe('tenant store timeline (undo, redo, time travel)', () => {
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
  });

  function deactivateThenReactivate() {
    const store = useTenantStore.getState();
    const jane = accountIdOf('Jane Tino');
    store.dispatch((t) => changeStatus(t, 'account_deactivated', jane));
    store.dispatch((t) => changeStatus(t, 'account_reactivated', jane));
  }

  it('undoes and redoes one event at a time, and says when there is nothing left', () => {
    deactivateThenReactivate();
    const store = useTenantStore.getState();
    const personal = keyIdOf('Jane personal');
    const end = store.events.length;
    expect(store.undo()).toBe(true);
    expect(useTenantStore.getState().cursor).toBe(end - 1);
    expect(evaluateKey(selectTenant(useTenantStore.getState()), personal).code).toBe(
      'OWNER_DEACTIVATED',
    );
    expect(store.redo()).toBe(true);
    expect(evaluateKey(selectTenant(useTenantStore.getState()), personal).status).toBe(200);
    expect(store.redo()).toBe(false);
    store.goTo(0);
    expect(selectTenant(useTenantStore.getState()).accounts.size).toBe(0);
    expect(store.undo()).toBe(false);
    store.goTo(10_000);
    expect(useTenantStore.getState().cursor).toBe(end);
  });

  it('drops the redo branch on a new change (asking first is the console part: app/ask-store)', () => {
    deactivateThenReactivate();
    const store = useTenantStore.getState();
    const end = store.events.length;
    store.goTo(end - 2);
    const vera = accountIdOf('Vera Lin');
    expect(store.dispatch((t) => changeStatus(t, 'account_deactivated', vera)).ok).toBe(true);
    const after = useTenantStore.getState();
    expect(after.events).toHaveLength(end - 1);
    expect(after.cursor).toBe(end - 1);
    expect(after.events.at(-1)).toMatchObject({ type: 'account_deactivated', accountId: vera });
  });

  it('replaces the whole state at once (an import, a link, a reload)', () => {
    const { genesis, events } = janeTinoScenario;
    useTenantStore.getState().replaceLog({
      scenarioId: 'jane-tino',
      scenarioParams: {},
      genesis,
      events,
      cursor: 5,
    });
    const state = useTenantStore.getState();
    expect(state.cursor).toBe(5);
    expect(selectTenant(state).accounts.size).toBe(
      replay(genesis, events.slice(0, 5)).tenant.accounts.size,
    );
  });

  it('hands out the events of the scenario it generated, for that scenario only', async () => {
    expect(generatedBaseOf(useTenantStore.getState())).toBeUndefined();
    await useTenantStore.getState().loadScenario('large', { people: 20, keysPerPerson: 1 });
    const large = useTenantStore.getState();
    expect(large.scenarioId).toBe('large');
    expect(generatedBaseOf(large)).toBe(large.events);
    await useTenantStore.getState().loadScenario('jane-tino');
    expect(generatedBaseOf(useTenantStore.getState())).toBeUndefined();
  });
});
