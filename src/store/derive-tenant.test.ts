// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apply, replay } from '../core/apply';
import { changeStatus, createKey } from '../core/commands';
import type { TenantEvent } from '../core/events';
import { janeTinoScenario } from '../core/scenarios/jane-tino';
import { buildValidityView } from '../core/validity-view';
import { createTenantDeriver } from './derive-tenant';

const { genesis, events } = janeTinoScenario;

function janeId(): string {
  const tenant = replay(genesis, events).tenant;
  const jane = [...tenant.accounts.values()].find((account) => account.name === 'Jane Tino');
  if (jane === undefined) throw new Error('no Jane');
  return jane.id;
}

describe('tenant deriver', () => {
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
