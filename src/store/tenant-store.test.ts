import { beforeEach, describe, expect, it } from 'vitest';
import { replay } from '../core/apply';
import { changeStatus, createKey } from '../core/commands';
import { evaluateKey } from '../core/key-verdict';
import { janeTinoScenario } from '../core/scenarios/jane-tino';
import { selectTenant, useTenantStore } from './tenant-store';

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
});
