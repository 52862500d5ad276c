// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, replay } from '../core/apply';
import { changeStatus, createKey } from '../core/commands';
import type { TenantEvent } from '../core/events';
import { janeTinoScenario } from '../core/scenarios/jane-tino';
import { buildValidityView } from '../core/validity-view';
import { assertProperty, propertyTimeout } from '../test/property';
import { createTenantDeriver } from './derive-tenant';

const { genesis, events } = janeTinoScenario;

function janeId(): string {
  const tenant = replay(genesis, events).tenant;
  const jane = [...tenant.accounts.values()].find((account) => account.name === 'Jane Tino');
  if (jane === undefined) throw new Error('no Jane');
  return jane.id;
}

// Property runs (fast-check): CPU-bound by design, so allowed more than the default 5 s when
// the whole suite shares a busy machine.
describe('tenant deriver', { timeout: propertyTimeout(30_000) }, () => {
  it('derives the same tenant and view incrementally as from scratch', () => {
    const deriver = createTenantDeriver();
    let log: readonly TenantEvent[] = events;
    deriver.deriveView(genesis, log, log.length);
    const jane = janeId();
    const steps = [
      (t: ReturnType<typeof deriver.derive>) => changeStatus(t, 'account_deactivated', jane),
      (t: ReturnType<typeof deriver.derive>) =>
        createKey(t, { name: 'extra', scope: 'team', createdBy: jane, teamRoles: {} }),
      (t: ReturnType<typeof deriver.derive>) => changeStatus(t, 'account_reactivated', jane),
      (t: ReturnType<typeof deriver.derive>) => changeStatus(t, 'account_deleted', jane),
    ];
    for (const [index, step] of steps.entries()) {
      const before = deriver.derive(genesis, log, log.length);
      const event = step(before);
      const result = apply(before, event);
      if (!result.ok) continue; // the team key without teams is refused: nothing to log
      log = [...log, event];
      // Alternate the two paths the store uses: remember (dispatch) and derive (time travel).
      if (index % 2 === 0) deriver.remember(genesis, log, log.length, result.tenant);
      const view = deriver.deriveView(genesis, log, log.length);
      const fresh = replay(genesis, log).tenant;
      expect(deriver.derive(genesis, log, log.length)).toEqual(fresh);
      expect(view).toEqual(buildValidityView(fresh));
    }
  });

  it('takes a view built beside the tenant as it is, and advances it with the next change', () => {
    const deriver = createTenantDeriver();
    const start = replay(genesis, events).tenant;
    const built = buildValidityView(start);
    deriver.remember(genesis, events, events.length, start, built);
    expect(deriver.deriveView(genesis, events, events.length)).toBe(built);
    const event = changeStatus(start, 'account_deactivated', janeId());
    const result = apply(start, event);
    if (!result.ok) throw new Error(result.refusal.reason);
    const log = [...events, event];
    deriver.remember(genesis, log, log.length, result.tenant);
    expect(deriver.deriveView(genesis, log, log.length)).toEqual(buildValidityView(result.tenant));
  });

  it('lands an undo on the moment before the change as it was, view included, without a replay', () => {
    const deriver = createTenantDeriver();
    const before = replay(genesis, events).tenant;
    deriver.remember(genesis, events, events.length, before);
    const view = deriver.deriveView(genesis, events, events.length);
    const event = changeStatus(before, 'account_deactivated', janeId());
    const result = apply(before, event);
    if (!result.ok) throw new Error(result.refusal.reason);
    const log = [...events, event];
    deriver.remember(genesis, log, log.length, result.tenant);
    const after = deriver.deriveView(genesis, log, log.length);
    // Undo, redo, undo: each the very values derived before.
    expect(deriver.derive(genesis, log, events.length)).toBe(before);
    expect(deriver.deriveView(genesis, log, events.length)).toBe(view);
    expect(deriver.deriveView(genesis, log, log.length)).toBe(after);
    expect(deriver.derive(genesis, log, events.length)).toBe(before);
    // A new change from there: the moments of the shared part still hold.
    const other = changeStatus(before, 'account_deactivated', janeId());
    const branch = [...events, { ...other, at: other.at }];
    expect(deriver.derive(genesis, branch, events.length)).toBe(before);
  });

  it('rebuilds when the cursor moves back, as after undo', () => {
    const deriver = createTenantDeriver();
    const jane = janeId();
    const start = replay(genesis, events).tenant;
    const log = [...events, changeStatus(start, 'account_deactivated', jane)];
    deriver.deriveView(genesis, log, log.length);
    const back = deriver.deriveView(genesis, log, events.length);
    expect(back).toEqual(buildValidityView(start));
  });
});

describe('tenant deriver checkpoints (undo and time travel over long logs)', () => {
  /** Jane deactivated and reactivated over and over: a log of about 3,000 events. */
  function longLog(): TenantEvent[] {
    const log: TenantEvent[] = [...events];
    let tenant = replay(genesis, log).tenant;
    const jane = janeId();
    for (let i = 0; i < 1_500; i++) {
      for (const type of ['account_deactivated', 'account_reactivated'] as const) {
        const event = changeStatus(tenant, type, jane);
        const result = apply(tenant, event);
        if (!result.ok) throw new Error(result.refusal.reason);
        tenant = result.tenant;
        log.push(event);
      }
    }
    return log;
  }

  /** What a tenant says, comparable across independently built tenants. */
  function summary(tenant: ReturnType<typeof replay>['tenant']) {
    return {
      clock: tenant.clock,
      sequence: tenant.sequence,
      accounts: [...tenant.accounts.values()],
      keys: [...tenant.keys.values()],
    };
  }

  /** A view's rows as plain verdict codes, comparable across independently built views. */
  function viewSummary(view: ReturnType<typeof buildValidityView>) {
    return view.rows.map((row) => [
      row.key.id,
      row.now.code,
      ...Object.values(row.stages).map((stage) => (stage.reachable ? stage.verdict.code : 'n/a')),
    ]);
  }

  it('gives the tenant a replay from scratch gives, at any cursor, in any order, and after a branch', () => {
    const log = longLog();
    const deriver = createTenantDeriver();
    const jane = janeId();
    // The oracle (a replay from scratch) on the long log, worked out once per cursor: cases
    // revisit cursors, and a replay of 3,000 events is most of a case's time otherwise.
    const onLog = new Map<number, { tenant: unknown; view: unknown }>();
    const oracle = (current: readonly TenantEvent[], at: number) => {
      const known = current === log ? onLog.get(at) : undefined;
      if (known !== undefined) return known;
      const tenant = replay(genesis, current.slice(0, at)).tenant;
      const made = { tenant: summary(tenant), view: viewSummary(buildValidityView(tenant)) };
      if (current === log) onLog.set(at, made);
      return made;
    };
    assertProperty(
      fc.property(
        fc.array(fc.oneof(fc.nat({ max: log.length }), fc.constant(-1)), {
          minLength: 1,
          maxLength: 12,
        }),
        (cursors) => {
          let current: readonly TenantEvent[] = log;
          for (const cursor of cursors) {
            if (cursor === -1) {
              // A change made in the past: a new log that shares only the prefix.
              const at = Math.floor(current.length / 2);
              const before = deriver.derive(genesis, current, at);
              const status = before.accounts.get(jane)?.status;
              const event = changeStatus(
                before,
                status === 'active' ? 'account_deactivated' : 'account_reactivated',
                jane,
              );
              current = [...current.slice(0, at), event];
              expect(summary(deriver.derive(genesis, current, current.length))).toEqual(
                summary(replay(genesis, current).tenant),
              );
            } else {
              const at = Math.min(cursor, current.length);
              const expected = oracle(current, at);
              expect(summary(deriver.derive(genesis, current, at))).toEqual(expected.tenant);
              // The view too, whether advanced from a checkpoint's view or built afresh.
              expect(viewSummary(deriver.deriveView(genesis, current, at))).toEqual(expected.view);
            }
          }
        },
      ),
      40,
    );
  });
});
