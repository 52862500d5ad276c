// @vitest-environment node
/**
 * The seed FAQ's table (domain.md, "Validity"), cell for cell: Jane Tino's four keys under each
 * status of her account, reached by driving real events through the reducer.
 */
import { describe, expect, it } from 'vitest';
import { changeStatus, reinviteAccount } from './commands';
import type { TenantEvent } from './events';
import { evaluateKey, type VerdictCode } from './key-verdict';
import { type Account, type KeyScope, latestAccountForEmail, type Tenant } from './model';
import { janeTinoStart, mustApply, startTenant } from './testing/arbitraries';

const JANE_EMAIL = 'jane.tino@tinocorp.example';

function janeIn(tenant: Tenant): Account {
  const jane = [...tenant.accounts.values()].find(
    (account) => account.email === JANE_EMAIL && account.reinvitedFrom === null,
  );
  if (jane === undefined) throw new Error('The jane-tino scenario has no Jane Tino');
  return jane;
}

function janesKey(tenant: Tenant, scope: KeyScope): string {
  const jane = janeIn(tenant);
  const key = [...tenant.keys.values()].find((k) => k.createdBy === jane.id && k.scope === scope);
  if (key === undefined) throw new Error(`Jane has no ${scope} key`);
  return key.id;
}

type Drive = (tenant: Tenant, janeId: string) => TenantEvent;

const deactivate: Drive = (t, id) => changeStatus(t, 'account_deactivated', id);
const reactivate: Drive = (t, id) => changeStatus(t, 'account_reactivated', id);
const remove: Drive = (t, id) => changeStatus(t, 'account_deleted', id);
const reinvite: Drive = (t, id) => reinviteAccount(t, id);

/** Apply each step as a real event against the tenant reached so far. */
function drive(steps: readonly Drive[]): Tenant {
  const start = startTenant(janeTinoStart);
  const janeId = janeIn(start).id;
  return steps.reduce((tenant, step) => mustApply(tenant, step(tenant, janeId)), start);
}

type Cell = readonly [200 | 401, VerdictCode];
const OK: Cell = [200, 'VALID'];

// | Jane's account | personal | team | service | tenant_owner |  (domain.md, from the FAQ)
const SEED_TABLE: ReadonlyArray<{
  readonly account: string;
  readonly steps: readonly Drive[];
  readonly cells: Readonly<Record<KeyScope, Cell>>;
}> = [
  {
    account: 'active',
    steps: [],
    cells: { personal: OK, team: OK, service: OK, tenant_owner: OK },
  },
  {
    account: 'deactivated',
    steps: [deactivate],
    cells: { personal: [401, 'OWNER_DEACTIVATED'], team: OK, service: OK, tenant_owner: OK },
  },
  {
    account: 'reactivated',
    steps: [deactivate, reactivate],
    cells: { personal: OK, team: OK, service: OK, tenant_owner: OK },
  },
  {
    account: 'deleted',
    steps: [remove],
    cells: { personal: [401, 'OWNER_DELETED'], team: OK, service: OK, tenant_owner: OK },
  },
  {
    account: 'deleted, then re-invited',
    steps: [remove, reinvite],
    cells: { personal: [401, 'OWNER_DELETED'], team: OK, service: OK, tenant_owner: OK },
  },
];

const SCOPES_IN_TABLE_ORDER: readonly KeyScope[] = ['personal', 'team', 'service', 'tenant_owner'];

const CASES = SEED_TABLE.flatMap((row) =>
  SCOPES_IN_TABLE_ORDER.map((scope) => {
    const [status, code] = row.cells[scope];
    return { account: row.account, steps: row.steps, scope, status, code };
  }),
);

describe('the FAQ table for Jane Tino', () => {
  it('has 20 cells: 5 account states x 4 scopes', () => {
    expect(CASES).toHaveLength(20);
  });

  for (const { account, steps, scope, status, code } of CASES) {
    it(`answers ${status} ${code} for the ${scope} key when Jane is ${account}`, () => {
      const tenant = drive(steps);
      const verdict = evaluateKey(tenant, janesKey(tenant, scope));
      expect(verdict.status).toBe(status);
      expect(verdict.code).toBe(code);
    });
  }

  it('breaks only the personal key in every row', () => {
    for (const row of SEED_TABLE) {
      const tenant = drive(row.steps);
      const broken = SCOPES_IN_TABLE_ORDER.filter(
        (scope) => evaluateKey(tenant, janesKey(tenant, scope)).status === 401,
      );
      expect(broken, row.account).toEqual(row.cells.personal[0] === 401 ? ['personal'] : []);
    }
  });

  it('is checked on the tenant where each of Jane’s keys is a credential of Team Automation (S1)', () => {
    const tenant = drive([]);
    for (const scope of SCOPES_IN_TABLE_ORDER) {
      const keyId = janesKey(tenant, scope);
      const held = [...tenant.credentials.values()].filter(
        (c) => c.teamId === 'team_automation' && c.value.kind === 'key' && c.value.keyId === keyId,
      );
      expect(held, scope).toHaveLength(1);
    }
  });

  it('puts Jane in the status the row names', () => {
    expect(janeIn(drive([])).status).toBe('active');
    expect(janeIn(drive([deactivate])).status).toBe('deactivated');
    expect(janeIn(drive([deactivate, reactivate])).status).toBe('active');
    expect(janeIn(drive([remove])).status).toBe('deleted');
    expect(janeIn(drive([remove, reinvite])).status).toBe('deleted');
  });
});

describe('re-inviting a deleted person', () => {
  const before = drive([remove]);
  const after = drive([remove, reinvite]);
  const oldJane = janeIn(after);
  const newJane = latestAccountForEmail(after, JANE_EMAIL);

  it('creates a new active account with the same email and a new id', () => {
    expect(newJane).toBeDefined();
    expect(newJane?.id).not.toBe(oldJane.id);
    expect(newJane?.email).toBe(oldJane.email);
    expect(newJane?.name).toBe(oldJane.name);
    expect(newJane?.status).toBe('active');
    expect(newJane?.reinvitedFrom).toBe(oldJane.id);
    expect(after.accounts.size).toBe(before.accounts.size + 1);
  });

  it('leaves the old account deleted and unchanged', () => {
    expect(oldJane.status).toBe('deleted');
    expect(oldJane).toEqual(janeIn(before));
  });

  it('restores the roles the old account had when none are given', () => {
    expect(newJane?.tenantRole).toBe(oldJane.tenantRole);
    expect(newJane?.permissions).toEqual(oldJane.permissions);
    expect(newJane?.teamRoles).toEqual(oldJane.teamRoles);
  });

  it('does not hand the old keys to the new account', () => {
    const ownedByNewJane = [...after.keys.values()].filter((k) => k.createdBy === newJane?.id);
    expect(ownedByNewJane).toEqual([]);
  });
});
