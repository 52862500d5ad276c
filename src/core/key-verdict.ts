/**
 * Authentication: is a key accepted (200) or refused (401)? domain.md, "Validity".
 * The rules are evaluated in order; the first that fires decides and names itself.
 */
import type { Account, ApiKey, KeyId, Tenant } from './model';
import type { RuleTag } from './rule-sources';

export type VerdictCode =
  | 'VALID'
  | 'UNKNOWN_KEY'
  | 'KEY_REVOKED'
  | 'OWNER_DEACTIVATED'
  | 'OWNER_DELETED';

export interface Verdict {
  readonly status: 200 | 401;
  readonly code: VerdictCode;
  /** Its summary and source: `ruleOf` (rule-texts.ts). */
  readonly rule: RuleTag;
}

/** By id; each rule's summary and source are in rule-texts.ts. */
export const VALIDITY_RULES = {
  unknownKey: { id: 'auth.unknown-key' },
  keyRevoked: { id: 'auth.key-revoked' },
  ownerDeactivated: { id: 'auth.personal-owner-deactivated' },
  ownerDeleted: { id: 'auth.personal-owner-deleted' },
  valid: { id: 'auth.valid' },
} as const satisfies Record<string, RuleTag>;

export const VERDICT_LABELS: Readonly<Record<VerdictCode, string>> = {
  VALID: 'Valid',
  UNKNOWN_KEY: 'Unknown key',
  KEY_REVOKED: 'Key deleted',
  OWNER_DEACTIVATED: 'Owner deactivated',
  OWNER_DELETED: 'Owner deleted',
};

const UNKNOWN: Verdict = { status: 401, code: 'UNKNOWN_KEY', rule: VALIDITY_RULES.unknownKey };
const REVOKED: Verdict = { status: 401, code: 'KEY_REVOKED', rule: VALIDITY_RULES.keyRevoked };
const DEACTIVATED: Verdict = {
  status: 401,
  code: 'OWNER_DEACTIVATED',
  rule: VALIDITY_RULES.ownerDeactivated,
};
const DELETED: Verdict = { status: 401, code: 'OWNER_DELETED', rule: VALIDITY_RULES.ownerDeleted };
const VALID: Verdict = { status: 200, code: 'VALID', rule: VALIDITY_RULES.valid };

/** The verdict for a key of this tenant, by id (an unknown id is an unknown key). */
export function evaluateKey(tenant: Tenant, keyId: KeyId | undefined): Verdict {
  const key = keyId === undefined ? undefined : tenant.keys.get(keyId);
  return key === undefined ? UNKNOWN : verdictOf(tenant, key);
}

function verdictOf(tenant: Tenant, key: ApiKey): Verdict {
  return decide(key, tenant.accounts.get(key.createdBy)?.status);
}

/** The rules, in order, for a key whose creator has this status (undefined: no such account). */
function decide(key: ApiKey, creatorStatus: Account['status'] | undefined): Verdict {
  if (key.revokedAt !== null) return REVOKED;
  if (key.scope === 'personal') {
    // A personal key acts as its creator with the creator's current roles (S2), so it lives
    // and dies with that one account. A re-invited person has a new account: the old key stays dead.
    if (creatorStatus === undefined) return UNKNOWN;
    if (creatorStatus === 'deactivated') return DEACTIVATED;
    if (creatorStatus === 'deleted') return DELETED;
  }
  return VALID;
}

/**
 * Every key's verdict, keyed by key id. Batch form of `evaluateKey`: one walk of the accounts
 * collects their statuses, one walk of the keys decides, with no per-key trie lookups.
 */
export function evaluateAll(tenant: Tenant): Map<KeyId, Verdict> {
  const statuses = new Map<string, Account['status']>();
  tenant.accounts.forEachUnordered((account) => statuses.set(account.id, account.status));
  const verdicts = new Map<KeyId, Verdict>();
  tenant.keys.forEachUnordered((key) => {
    verdicts.set(key.id, decide(key, statuses.get(key.createdBy)));
  });
  return verdicts;
}

/** `200 Valid`, `401 Owner deactivated`: the text the tables show. */
export function verdictText(verdict: Verdict): string {
  return `${verdict.status} ${VERDICT_LABELS[verdict.code]}`;
}
