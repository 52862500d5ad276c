// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { changeStatus } from '../core/commands';
import { accountNamed } from '../core/testing/named';
import { selectTenant, useTenantStore } from '../store/tenant-store';
import { documentOf, problemLines, readStateText } from './state-document';

describe('state documents', () => {
  it('writes a generated tenant by reference, and again after reading it back', async () => {
    await useTenantStore.getState().loadScenario('large', { people: 30, keysPerPerson: 2 });
    const store = useTenantStore.getState();
    const active = [...selectTenant(store).accounts.values()].find((a) => a.status === 'active');
    if (active === undefined) throw new Error('no active account');
    store.dispatch((tenant) => changeStatus(tenant, 'account_deactivated', active.id));
    const state = useTenantStore.getState();
    const document = documentOf(state);
    expect(document.base).toMatchObject({ kind: 'generated', events: state.events.length - 1 });
    expect(document.events).toHaveLength(1);

    const read = await readStateText(JSON.stringify(document));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.state.events).toEqual(state.events);
    expect(read.state.scenarioParams).toEqual({ people: 30, keysPerPerson: 2 });
    // The read state has its own genesis object: it is still written by reference.
    expect(read.state.genesis).not.toBe(state.genesis);
    expect(documentOf(read.state)).toEqual(document);
  });

  it('writes a fixed scenario in full', async () => {
    await useTenantStore.getState().loadScenario('jane-tino');
    const state = useTenantStore.getState();
    expect(documentOf(state).base).toEqual({ kind: 'genesis', genesis: state.genesis });
    expect(accountNamed(selectTenant(state), 'Jane Tino').status).toBe('active');
  });

  it('words refusals as the README promises: field, colon, reason', async () => {
    await useTenantStore.getState().loadScenario('jane-tino');
    const state = useTenantStore.getState();
    const good = documentOf(state);
    const jane = accountNamed(selectTenant(state), 'Jane Tino').id;
    const refusals = async (document: unknown) => {
      const read = await readStateText(JSON.stringify(document));
      if (read.ok) throw new Error('read a document it should refuse');
      return problemLines(read.problems);
    };
    expect(await refusals({ ...good, cursor: 'x' })).toContain(
      'cursor: Invalid input: expected number, received string',
    );
    expect(await refusals({ ...good, version: 2 })).toContain(
      'version: is 2, made by a newer version of the console (this one reads up to 1).',
    );
    // Jane deactivated twice: the second is the log's 33rd event (index 32).
    const deactivated = (at: number) => ({
      type: 'account_deactivated',
      at,
      actor: { kind: 'console' },
      accountId: jane,
    });
    const last = good.events.at(-1) as { at: number };
    const events = [...good.events, deactivated(last.at + 60_000), deactivated(last.at + 120_000)];
    expect(good.events).toHaveLength(31);
    expect(await refusals({ ...good, events, cursor: events.length })).toContain(
      'events[32]: Jane Tino is already deactivated.',
    );
  });
});
