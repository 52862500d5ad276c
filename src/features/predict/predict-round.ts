/**
 * One round of "Predict, then reveal": which changes apply to a person, which keys to ask about,
 * and how each guess is marked once the change has really been applied. Pure functions over the
 * core; the panel and its store call them.
 */
import { changeStatus, reinviteAccount } from '../../core/commands';
import type { TenantEvent } from '../../core/events';
import { evaluateKey, VERDICT_LABELS, type Verdict } from '../../core/key-verdict';
import {
  type Account,
  type AccountId,
  type ApiKey,
  type KeyId,
  keysCreatedBy,
  liveAccountWithEmail,
  SCOPE_LABELS,
  type Tenant,
} from '../../core/model';
import type { LifecycleStage } from '../../core/what-if';
import type { Score } from './use-predict-store';

export type PredictChange = 'deactivate' | 'reactivate' | 'delete' | 'reinvite';

export const CHANGE_LABELS: Readonly<Record<PredictChange, string>> = {
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  delete: 'Delete',
  reinvite: 'Re-invite',
};

/** "Jane Tino was deactivated": how a round's heading names what was done. */
export const CHANGE_DONE: Readonly<Record<PredictChange, string>> = {
  deactivate: 'deactivated',
  reactivate: 'reactivated',
  delete: 'deleted',
  reinvite: 're-invited',
};

/** The what-if stage each change leads to, from the status it applies to (tests use it as truth). */
export const CHANGE_STAGES: Readonly<Record<PredictChange, LifecycleStage>> = {
  deactivate: 'deactivated',
  reactivate: 'active',
  delete: 'deleted',
  reinvite: 'reinvited',
};

/** The changes that apply to this account as it is now (the reducer's allowed transitions). */
export function changesFor(tenant: Tenant, account: Account): readonly PredictChange[] {
  switch (account.status) {
    case 'active':
      return ['deactivate', 'delete'];
    case 'deactivated':
      return ['reactivate', 'delete'];
    case 'deleted':
      // Only a person whose every account is deleted can be invited back.
      return liveAccountWithEmail(tenant, account.email) === undefined ? ['reinvite'] : [];
  }
}

/** The event a change makes, built against the tenant as it is when it is dispatched. */
export function changeEvent(
  tenant: Tenant,
  change: PredictChange,
  accountId: AccountId,
): TenantEvent {
  switch (change) {
    case 'deactivate':
      return changeStatus(tenant, 'account_deactivated', accountId);
    case 'reactivate':
      return changeStatus(tenant, 'account_reactivated', accountId);
    case 'delete':
      return changeStatus(tenant, 'account_deleted', accountId);
    case 'reinvite':
      return reinviteAccount(tenant, accountId);
  }
}

/** A person: the newest account made for an email (older ones are their deleted history). */
export interface PersonChoice {
  readonly accountId: AccountId;
  readonly name: string;
  readonly email: string;
}

const peopleCache = new WeakMap<Tenant['accountsByEmail'], readonly PersonChoice[]>();

/**
 * Every person once, by their newest account, in invitation order. Only a new account changes
 * the list, so it is cached on the email index (a status change keeps it).
 */
export function peopleOf(tenant: Tenant): readonly PersonChoice[] {
  const cached = peopleCache.get(tenant.accountsByEmail);
  if (cached !== undefined) return cached;
  const people: PersonChoice[] = [];
  for (const ids of tenant.accountsByEmail.values()) {
    const newest = tenant.accounts.get(ids[ids.length - 1] ?? '');
    if (newest !== undefined) {
      people.push({ accountId: newest.id, name: newest.name, email: newest.email });
    }
  }
  peopleCache.set(tenant.accountsByEmail, people);
  return people;
}

/** Keys of other people listed after the person's own, so that "stays 200" is a real choice. */
const CONTRAST_KEYS = 3;

export interface CandidateKey {
  readonly key: ApiKey;
  /** The key belongs to the person (any of their accounts), not to someone listed for contrast. */
  readonly own: boolean;
  readonly creatorName: string;
}

/**
 * The keys a round asks about: every key the person created, from any of their accounts (a
 * re-invited person's old keys included), then a few live keys of other people for contrast.
 */
export function candidateKeys(tenant: Tenant, account: Account): readonly CandidateKey[] {
  const accountIds = tenant.accountsByEmail.get(account.email) ?? [account.id];
  const own: CandidateKey[] = accountIds.flatMap((id) =>
    keysCreatedBy(tenant, id).map((key) => ({ key, own: true, creatorName: account.name })),
  );
  const mine = new Set(accountIds);
  const others: CandidateKey[] = [];
  for (const key of tenant.keys.values()) {
    if (others.length === CONTRAST_KEYS) break;
    if (mine.has(key.createdBy) || key.revokedAt !== null) continue;
    const creatorName = tenant.accounts.get(key.createdBy)?.name ?? key.createdBy;
    others.push({ key, own: false, creatorName });
  }
  return [...own, ...others];
}

/** "Jane personal (Personal)": a key's checkbox label and its line in the results. */
export function keyLabel(key: ApiKey): string {
  return `${key.name} (${SCOPE_LABELS[key.scope]})`;
}

export interface MarkedGuess {
  readonly keyId: KeyId;
  readonly label: string;
  /** The trainee expected the key to answer 401 after the change. */
  readonly guessed401: boolean;
  readonly before: Verdict;
  readonly after: Verdict;
  readonly right: boolean;
}

/** Mark each guess against the key's verdict before and after the change was really applied. */
export function markGuesses(
  before: Tenant,
  after: Tenant,
  keys: readonly ApiKey[],
  guessed401: ReadonlySet<KeyId>,
): readonly MarkedGuess[] {
  return keys.map((key) => {
    const was = evaluateKey(before, key.id);
    const now = evaluateKey(after, key.id);
    const guessed = guessed401.has(key.id);
    return {
      keyId: key.id,
      label: keyLabel(key),
      guessed401: guessed,
      before: was,
      after: now,
      right: guessed === (now.status === 401),
    };
  });
}

/** What the key does after the change: "stays 200", "answers 401 (Owner deactivated)". */
export function outcomeText(guess: Pick<MarkedGuess, 'before' | 'after'>): string {
  const { before, after } = guess;
  if (after.status === 200) return before.status === 200 ? 'stays 200' : 'answers 200 again';
  const why = VERDICT_LABELS[after.code];
  return before.status === 401 ? `stays 401 (${why})` : `answers 401 (${why})`;
}

/** "Score: 7 of 9 right over 2 rounds". */
export function scoreText(score: Score): string {
  if (score.rounds === 0) return 'Score: no rounds yet';
  const rounds = score.rounds === 1 ? '1 round' : `${score.rounds} rounds`;
  return `Score: ${score.right} of ${score.total} right over ${rounds}`;
}
