// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apply } from './apply';
import { changeStatus, reinviteAccount } from './commands';
import { evaluateKey, type VerdictCode } from './key-verdict';
import type { KeyScope, Tenant } from './model';
import { janeTinoStart, mustApply, startTenant } from './testing/arbitraries';
import {
  LIFECYCLE_STAGES,
  type LifecycleStage,
  runStage,
  type WhatIfCell,
  type WhatIfRow,
  whatIfMatrix,
} from './what-if';

const base = startTenant(janeTinoStart);
const jane = [...base.accounts.values()].find((a) => a.name === 'Jane Tino');
if (jane === undefined) throw new Error('No Jane');
const janeId = jane.id;

function janeRow(rows: readonly WhatIfRow[], scope: KeyScope): WhatIfRow {
  const row = rows.find((r) => r.key.createdBy === janeId && r.key.scope === scope);
  if (row === undefined) throw new Error(`No row for Jane's ${scope} key`);
  return row;
}

function outcome(cell: WhatIfCell): string {
  return cell.reachable ? `${cell.verdict.status} ${cell.verdict.code}` : 'unreachable';
}

const FAQ: Readonly<Record<KeyScope, Readonly<Record<LifecycleStage, string>>>> = {
  personal: {
    active: '200 VALID',
    deactivated: '401 OWNER_DEACTIVATED',
    reactivated: '200 VALID',
    deleted: '401 OWNER_DELETED',
    reinvited: '401 OWNER_DELETED',
  },
  team: {
    active: '200 VALID',
    deactivated: '200 VALID',
    reactivated: '200 VALID',
    deleted: '200 VALID',
    reinvited: '200 VALID',
  },
  service: {
    active: '200 VALID',
    deactivated: '200 VALID',
    reactivated: '200 VALID',
    deleted: '200 VALID',
    reinvited: '200 VALID',
  },
  tenant_owner: {
    active: '200 VALID',
    deactivated: '200 VALID',
    reactivated: '200 VALID',
    deleted: '200 VALID',
    reinvited: '200 VALID',
  },
};

describe('whatIfMatrix on the jane-tino scenario', () => {
  const rows = whatIfMatrix(base);

  it('has a row per key, in creation order', () => {
    expect(rows.map((r) => r.key.id)).toEqual([...base.keys.keys()]);
  });

  it('offers the five stages in the FAQ’s order', () => {
    expect(LIFECYCLE_STAGES.map((s) => s.label)).toEqual([
      'Active',
      'Deactivated',
      'Reactivated',
      'Deleted',
      'Re-invited',
    ]);
  });

  for (const scope of Object.keys(FAQ) as KeyScope[]) {
    for (const { stage, label } of LIFECYCLE_STAGES) {
      const expected = FAQ[scope][stage];
      it(`reproduces the FAQ for Jane’s ${scope} key when she is ${label}: ${expected}`, () => {
        expect(outcome(janeRow(rows, scope).stages[stage])).toBe(expected);
      });
    }
  }

  it('shows every key as valid now', () => {
    for (const row of rows) expect(row.now.code).toBe('VALID');
  });

  it('derives the cells from events, not a table: each cell lists the events it applied', () => {
    const types = (stage: LifecycleStage) =>
      runStage(base, janeRow(rows, 'personal').key.createdBy, stage).events.map((e) => e.type);
    expect(types('active')).toEqual([]);
    expect(types('deactivated')).toEqual(['account_deactivated']);
    expect(types('reactivated')).toEqual(['account_deactivated', 'account_reactivated']);
    expect(types('deleted')).toEqual(['account_deleted']);
    expect(types('reinvited')).toEqual(['account_deleted', 'account_reinvited']);
  });

  it('treats the other people’s personal keys the same way', () => {
    for (const row of rows.filter((r) => r.key.scope === 'personal')) {
      const cells = LIFECYCLE_STAGES.map(({ stage }) => outcome(row.stages[stage]));
      expect(cells, row.key.name).toEqual([
        '200 VALID',
        '401 OWNER_DEACTIVATED',
        '200 VALID',
        '401 OWNER_DELETED',
        '401 OWNER_DELETED',
      ]);
    }
  });

  it('keeps every other key at 200 in every stage', () => {
    for (const row of rows.filter((r) => r.key.scope !== 'personal')) {
      for (const { stage } of LIFECYCLE_STAGES) {
        expect(outcome(row.stages[stage]), `${row.key.name} / ${stage}`).toBe('200 VALID');
      }
    }
  });

  it('does not change the tenant it is given', () => {
    const tenant = startTenant(janeTinoStart);
    const { accounts, keys } = tenant;
    whatIfMatrix(tenant);
    expect(tenant.accounts).toBe(accounts);
    expect(tenant.keys).toBe(keys);
    expect(tenant).toStrictEqual(startTenant(janeTinoStart));
  });
});

describe('whatIfMatrix when Jane is already deleted', () => {
  const deleted = mustApply(base, changeStatus(base, 'account_deleted', janeId));
  const rows = whatIfMatrix(deleted);
  /** What the reducer itself says when asked to take deleted Jane through this step. */
  const refusalOf = (type: 'account_reactivated' | 'account_deactivated'): string => {
    const result = apply(deleted, changeStatus(deleted, type, janeId));
    expect(result.ok).toBe(false);
    return result.ok ? '' : result.refusal.reason;
  };

  it.each([
    ['active', 'account_reactivated'],
    ['deactivated', 'account_deactivated'],
    ['reactivated', 'account_reactivated'],
  ] as const)('marks the %s cell unreachable with the reducer’s reason', (stage, type) => {
    const reason = refusalOf(type);
    expect(reason).not.toBe('');
    for (const scope of ['personal', 'team', 'service', 'tenant_owner'] as const) {
      const cell = janeRow(rows, scope).stages[stage];
      expect(cell.reachable).toBe(false);
      if (!cell.reachable) expect(cell.reason).toBe(reason);
    }
  });

  it('answers the deleted cell with the current verdict, applying nothing', () => {
    for (const scope of ['personal', 'team', 'service', 'tenant_owner'] as const) {
      const row = janeRow(rows, scope);
      const cell = row.stages.deleted;
      expect(cell.reachable).toBe(true);
      expect(runStage(deleted, row.key.createdBy, 'deleted').events).toEqual([]);
      if (cell.reachable) expect(cell.verdict).toEqual(evaluateKey(deleted, row.key.id));
    }
    expect(janeRow(rows, 'personal').now.code).toBe<VerdictCode>('OWNER_DELETED');
  });

  it('re-invites her in the re-invited cell and the old personal key stays 401', () => {
    const cell = janeRow(rows, 'personal').stages.reinvited;
    expect(runStage(deleted, janeId, 'reinvited').events.map((e) => e.type)).toEqual([
      'account_reinvited',
    ]);
    expect(outcome(cell)).toBe('401 OWNER_DELETED');
  });

  it('applies nothing in the re-invited cell once she has been re-invited', () => {
    const reinvited = mustApply(deleted, reinviteAccount(deleted, janeId));
    const cell = janeRow(whatIfMatrix(reinvited), 'personal').stages.reinvited;
    expect(runStage(reinvited, janeId, 'reinvited').events).toEqual([]);
    expect(outcome(cell)).toBe('401 OWNER_DELETED');
  });
});

describe('runStage', () => {
  it('reports an unknown account as unreachable', () => {
    const result = runStage(base, 'usr_9999', 'deleted');
    expect(result.reachable).toBe(false);
    if (!result.reachable) expect(result.reason).toContain('usr_9999');
  });

  it('returns a tenant the events really lead to', () => {
    const result = runStage(base, janeId, 'reinvited');
    if (!result.reachable) throw new Error(result.reason);
    const replayed = result.events.reduce<Tenant>(mustApply, base);
    expect(result.tenant).toStrictEqual(replayed);
  });
});
