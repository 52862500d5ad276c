// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { authenticate } from './api/authenticate';
import { changeRoles, changeStatus, createKey, deleteKey, reinviteAccount } from './commands';
import {
  evaluateKey,
  VALIDITY_RULES,
  type Verdict,
  type VerdictCode,
  verdictText,
} from './key-verdict';
import {
  type Account,
  type ApiKey,
  type KeyScope,
  latestAccountForEmail,
  type Tenant,
} from './model';
import { ruleOf } from './rule-texts';
import { janeTinoStart, mustApply, startTenant } from './testing/arbitraries';

const base = startTenant(janeTinoStart);

function accountNamed(tenant: Tenant, name: string): Account {
  const account = [...tenant.accounts.values()].find((a) => a.name === name);
  if (account === undefined) throw new Error(`No account named ${name}`);
  return account;
}

function keyOf(tenant: Tenant, name: string, scope: KeyScope): ApiKey {
  const owner = accountNamed(tenant, name);
  const key = [...tenant.keys.values()].find((k) => k.createdBy === owner.id && k.scope === scope);
  if (key === undefined) throw new Error(`${name} has no ${scope} key`);
  return key;
}

const jane = accountNamed(base, 'Jane Tino');
const janePersonal = keyOf(base, 'Jane Tino', 'personal');
const janeTeam = keyOf(base, 'Jane Tino', 'team');
const janeService = keyOf(base, 'Jane Tino', 'service');
const janeOwnerKey = keyOf(base, 'Jane Tino', 'tenant_owner');

const deactivated = mustApply(base, changeStatus(base, 'account_deactivated', jane.id));
const deleted = mustApply(base, changeStatus(base, 'account_deleted', jane.id));
const reinvited = mustApply(deleted, reinviteAccount(deleted, jane.id));

function expectVerdict(verdict: Verdict, status: 200 | 401, code: VerdictCode): void {
  expect({ status: verdict.status, code: verdict.code }).toEqual({ status, code });
}

describe('evaluateKey', () => {
  it('accepts every key of the jane-tino scenario while everyone is active', () => {
    for (const key of base.keys.values()) expectVerdict(evaluateKey(base, key.id), 200, 'VALID');
  });

  it('refuses a key id that does not exist as an unknown key', () => {
    expectVerdict(evaluateKey(base, 'key_9999'), 401, 'UNKNOWN_KEY');
    expectVerdict(evaluateKey(base, undefined), 401, 'UNKNOWN_KEY');
    expectVerdict(evaluateKey(base, ''), 401, 'UNKNOWN_KEY');
  });

  it('refuses a deleted key with KEY_REVOKED, whatever its scope', () => {
    for (const key of [janePersonal, janeTeam, janeService, janeOwnerKey]) {
      const tenant = mustApply(base, deleteKey(base, key.id));
      expectVerdict(evaluateKey(tenant, key.id), 401, 'KEY_REVOKED');
    }
  });

  it('gives KEY_REVOKED before the owner rules when a deleted key belongs to a deleted account', () => {
    const revoked = mustApply(base, deleteKey(base, janePersonal.id));
    const both = mustApply(revoked, changeStatus(revoked, 'account_deleted', jane.id));
    expectVerdict(evaluateKey(both, janePersonal.id), 401, 'KEY_REVOKED');
  });

  it('refuses a personal key while its creator is deactivated', () => {
    expectVerdict(evaluateKey(deactivated, janePersonal.id), 401, 'OWNER_DEACTIVATED');
  });

  it('accepts the personal key again once its creator is reactivated', () => {
    const back = mustApply(deactivated, changeStatus(deactivated, 'account_reactivated', jane.id));
    expectVerdict(evaluateKey(back, janePersonal.id), 200, 'VALID');
  });

  it('refuses a personal key once its creator is deleted', () => {
    expectVerdict(evaluateKey(deleted, janePersonal.id), 401, 'OWNER_DELETED');
  });

  it('keeps refusing the old personal key after the person is re-invited', () => {
    expectVerdict(evaluateKey(reinvited, janePersonal.id), 401, 'OWNER_DELETED');
  });

  it('accepts a personal key the re-invited account creates for itself', () => {
    const newJane = latestAccountForEmail(reinvited, jane.email);
    if (newJane === undefined) throw new Error('no new account');
    const event = createKey(reinvited, {
      name: 'New personal',
      scope: 'personal',
      createdBy: newJane.id,
    });
    const tenant = mustApply(reinvited, event);
    expectVerdict(evaluateKey(tenant, event.keyId), 200, 'VALID');
  });

  it.each([
    ['deactivated', deactivated],
    ['deleted', deleted],
    ['deleted, then re-invited', reinvited],
  ] as const)(
    'keeps team, service and tenant owner keys valid when their creator is %s',
    (_, tenant) => {
      for (const key of [janeTeam, janeService, janeOwnerKey]) {
        expectVerdict(evaluateKey(tenant, key.id), 200, 'VALID');
      }
    },
  );

  it('leaves other people’s personal keys alone when Jane leaves', () => {
    for (const name of ['Sam Patel', 'Eli Brooks', 'Vera Lin']) {
      expectVerdict(evaluateKey(reinvited, keyOf(reinvited, name, 'personal').id), 200, 'VALID');
    }
  });

  it('keeps a personal key valid (not 401) when its creator is demoted', () => {
    const demoted = mustApply(
      base,
      changeRoles(base, jane.id, { tenantRole: 'user', permissions: [], teamRoles: {} }),
    );
    expectVerdict(evaluateKey(demoted, janePersonal.id), 200, 'VALID');
  });
});

describe('authenticate', () => {
  it('finds the key a secret belongs to and accepts it', () => {
    for (const key of base.keys.values()) {
      const { key: found, verdict } = authenticate(base, key.secret);
      expect(found?.id).toBe(key.id);
      expectVerdict(verdict, 200, 'VALID');
    }
  });

  it.each([
    ['an unknown secret', `sim_${'A'.repeat(32)}`],
    ['an empty secret', ''],
    ['a null secret', null],
    ['a missing secret', undefined],
    ['a prefix of a real secret', janePersonal.secret.slice(0, -1)],
    ['a real secret with a trailing space', `${janePersonal.secret} `],
    ['a real secret in lower case', janePersonal.secret.toLowerCase()],
  ] as const)('refuses %s with 401 UNKNOWN_KEY', (_, secret) => {
    const { key, verdict } = authenticate(base, secret);
    expect(key).toBeUndefined();
    expectVerdict(verdict, 401, 'UNKNOWN_KEY');
    expect(verdict.rule).toBe(VALIDITY_RULES.unknownKey);
  });

  it('still finds a deleted key by its secret, and refuses it as revoked', () => {
    const tenant = mustApply(base, deleteKey(base, janeTeam.id));
    const { key, verdict } = authenticate(tenant, janeTeam.secret);
    expect(key?.id).toBe(janeTeam.id);
    expectVerdict(verdict, 401, 'KEY_REVOKED');
  });

  it('refuses the personal key of a deactivated creator by its secret', () => {
    const { key, verdict } = authenticate(deactivated, janePersonal.secret);
    expect(key?.id).toBe(janePersonal.id);
    expectVerdict(verdict, 401, 'OWNER_DEACTIVATED');
  });
});

describe('the rule behind a verdict', () => {
  it.each([
    [
      'OWNER_DEACTIVATED',
      evaluateKey(deactivated, janePersonal.id),
      'auth.personal-owner-deactivated',
    ],
    ['OWNER_DELETED', evaluateKey(deleted, janePersonal.id), 'auth.personal-owner-deleted'],
    ['VALID', evaluateKey(deleted, janeTeam.id), 'auth.valid'],
  ] as const)('cites the FAQ (documented, S1) for %s', (_, verdict, ruleId) => {
    expect(verdict.rule.id).toBe(ruleId);
    expect(ruleOf(verdict.rule).source).toMatchObject({ kind: 'documented', sourceId: 'S1' });
    expect(ruleOf(verdict.rule).summary).not.toBe('');
  });

  it('quotes the FAQ for the owner rules', () => {
    const quoteOf = (verdict: Verdict) => {
      const { source } = ruleOf(verdict.rule);
      return source.kind === 'documented' ? source.quote : undefined;
    };
    expect(quoteOf(evaluateKey(deactivated, janePersonal.id))).toContain('deactivated');
    expect(quoteOf(evaluateKey(deleted, janePersonal.id))).toContain('re-invited');
  });

  it.each([
    ['UNKNOWN_KEY', evaluateKey(base, 'key_9999'), 'auth.unknown-key'],
    [
      'KEY_REVOKED',
      evaluateKey(mustApply(base, deleteKey(base, janeTeam.id)), janeTeam.id),
      'auth.key-revoked',
    ],
  ] as const)('marks %s as an assumption of the simulator', (_, verdict, ruleId) => {
    expect(verdict.rule.id).toBe(ruleId);
    expect(ruleOf(verdict.rule).source.kind).toBe('assumed');
  });

  it('pairs every code with its own rule', () => {
    const pairs: ReadonlyArray<readonly [Verdict, VerdictCode]> = [
      [evaluateKey(base, janePersonal.id), 'VALID'],
      [evaluateKey(base, 'nope'), 'UNKNOWN_KEY'],
      [evaluateKey(mustApply(base, deleteKey(base, janeTeam.id)), janeTeam.id), 'KEY_REVOKED'],
      [evaluateKey(deactivated, janePersonal.id), 'OWNER_DEACTIVATED'],
      [evaluateKey(deleted, janePersonal.id), 'OWNER_DELETED'],
    ];
    const ruleIds = pairs.map(([verdict, code]) => {
      expect(verdict.code).toBe(code);
      return verdict.rule.id;
    });
    expect(new Set(ruleIds).size).toBe(pairs.length);
  });
});

describe('verdictText', () => {
  it('reads as the status and a label', () => {
    expect(verdictText(evaluateKey(base, janePersonal.id))).toBe('200 Valid');
    expect(verdictText(evaluateKey(deactivated, janePersonal.id))).toBe('401 Owner deactivated');
    expect(verdictText(evaluateKey(deleted, janePersonal.id))).toBe('401 Owner deleted');
    expect(verdictText(evaluateKey(base, undefined))).toBe('401 Unknown key');
  });
});
