/**
 * Who may act on a credential, as the reducer says it (pure): each account that is not deleted,
 * asked through `apply` with the very event the dialog would log as that account. A refusal
 * under the rule of who manages credentials (S16) or of who acts at all is the account's; any
 * other refusal (a name already used, say) is about the input, not about who acts, so the
 * account is not blamed for it.
 */
import { apply, EVENT_RULES } from '../../core/apply';
import type { Actor, TenantEvent } from '../../core/events';
import { type Account, type AccountId, credentialSlug, type Tenant } from '../../core/model';

export interface ActorCheck {
  readonly account: Account;
  /** The reducer's sentence when this account may not act ("Vera Lin may not edit in this team."). */
  readonly refusal: string | null;
}

const ABOUT_WHO_ACTS: ReadonlySet<string> = new Set([
  EVENT_RULES.manageCredentials.id,
  EVENT_RULES.actor.id,
]);

export const asAccount = (accountId: AccountId): Actor => ({ kind: 'account', accountId });

/** Every account that is not deleted, in invitation order, with the reducer's answer for it. */
export function actingAccounts(
  tenant: Tenant,
  eventAs: (actor: Actor) => TenantEvent,
): ActorCheck[] {
  const checks: ActorCheck[] = [];
  for (const account of tenant.accounts.values()) {
    if (account.status === 'deleted') continue;
    const result = apply(tenant, eventAs(asAccount(account.id)));
    const refusal =
      !result.ok && ABOUT_WHO_ACTS.has(result.refusal.rule.id) ? result.refusal.reason : null;
    checks.push({ account, refusal });
  }
  return checks;
}

/**
 * A credential name whose slug no credential has: asking who may create somewhere must not
 * stumble on a name already taken there.
 */
export function unusedCredentialName(tenant: Tenant): string {
  let name = 'Probe';
  for (let n = 2; tenant.credentialsBySlug.has(credentialSlug(name)); n++) name = `Probe ${n}`;
  return name;
}

/**
 * The account a dialog starts with: `preferred` (the owner of the drafts concerned) when it may
 * act, else the first that may, else the first listed.
 */
export function defaultActor(
  checks: readonly ActorCheck[],
  preferred: AccountId | null = null,
): AccountId {
  const mayAct = checks.filter((check) => check.refusal === null);
  const chosen =
    mayAct.find((check) => check.account.id === preferred) ?? mayAct[0] ?? checks[0] ?? null;
  return chosen?.account.id ?? '';
}
