/**
 * The words of the rules the first paint decides with: each rule's one-line summary and its
 * source (the vendor page it cites, or why the simulator assumed it). Verdicts, eligibilities and
 * refusals name these rules by id (`RuleTag`); the explanations, the simulated API and the
 * permission matrix load this module with their own chunks and read a rule whole through `ruleOf`.
 */
import { EVENT_RULES } from './apply';
import type { CREATION_RULES } from './creation-eligibility';
import type { VALIDITY_RULES } from './key-verdict';
import { assumed, documented, type RuleRef, type RuleTag } from './rule-sources';

/** The ids of a table's rules that are tags alone: each must have its words below. */
type TagIds<Rules> = {
  [Name in keyof Rules]: Rules[Name] extends RuleRef
    ? never
    : Rules[Name] extends RuleTag
      ? Rules[Name]['id']
      : never;
}[keyof Rules];

const WORDS: Readonly<
  Record<
    TagIds<typeof VALIDITY_RULES> | TagIds<typeof CREATION_RULES> | TagIds<typeof EVENT_RULES>,
    Omit<RuleRef, 'id'>
  >
> = {
  // key-verdict.ts's VALIDITY_RULES: why a key is accepted (200) or refused (401).
  'auth.unknown-key': {
    summary: 'No key, or a secret that matches no key, is refused.',
    source: assumed(
      'The vendor does not document this case; any API refuses credentials it does not know.',
    ),
  },
  'auth.key-revoked': {
    summary: 'A deleted (revoked) key is refused.',
    source: assumed('Deleting a key revokes it; the vendor does not document the response code.'),
  },
  'auth.personal-owner-deactivated': {
    summary: 'A personal key is refused while the account that created it is deactivated.',
    source: documented(
      'S1',
      "If Jane's account exists in the tenant but is deactivated, the Personal API key will break (returns a 401 status code), while the other three will still work as expected.",
    ),
  },
  'auth.personal-owner-deleted': {
    summary:
      'A personal key is refused once the account that created it is deleted, even after the person is re-invited.',
    source: documented(
      'S1',
      'Even if they are re-invited to the tenant, the Personal API key from before will still not work.',
    ),
  },
  'auth.valid': {
    summary:
      'Tenant owner, team and service keys act as their own principals, so their creator’s status does not matter; a personal key works while its creator is active.',
    source: documented(
      'S1',
      'When a user is deactivated or removed entirely from the tenant, the only API key that stops working is their Personal API key.',
    ),
  },
  // creation-eligibility.ts's CREATION_RULES: who may create which key.
  'create.unknown-account': {
    summary: 'Keys are created by an account of this tenant.',
    source: assumed('An account that does not exist cannot act.'),
  },
  'create.known-scope': {
    summary: 'A key is personal, team, service or tenant owner.',
    source: documented('S2'),
  },
  'create.active-only': {
    summary: 'Only an active account creates keys.',
    source: assumed('A deactivated or deleted account cannot sign in, so it cannot create keys.'),
  },
  'create.restricted': {
    summary:
      'With key creation restricted, only tenant owners and holders of API_KEY_CREATE create keys; the simulator applies this to every scope.',
    source: assumed(
      'S3 documents the restriction; whether it also covers personal keys is not documented.',
    ),
  },
  'create.personal': {
    summary: 'Every active account may create its own personal keys.',
    source: documented('S2', 'Only you can create and delete your personal API keys.'),
  },
  'create.tenant-owner-scope': {
    summary: 'Tenant owner keys need the Tenant owner role.',
    source: documented('S2'),
  },
  'create.service-scope': {
    summary: 'Service keys need the Tenant owner role.',
    source: documented('S2'),
  },
  'create.team-scope-owner': {
    summary: 'Tenant owners may create team keys for any team.',
    source: documented('S2'),
  },
  'create.team-scope-admin': {
    summary: 'A team admin may create team keys for the teams they administer.',
    source: assumed(
      'S1 says a team admin of "Team Automation" gets team keys; the exact rule for non-owners is not documented.',
    ),
  },
  'create.team-key-shape': {
    summary: 'A team key covers one or more existing teams, each with a team role.',
    source: documented('S6'),
  },
  // apply.ts's EVENT_RULES: what the reducer refuses.
  'event.malformed': {
    summary: 'An event must be well formed.',
    source: assumed('The simulator checks every field of every event it is given.'),
  },
  'event.lifecycle': {
    summary:
      'Active accounts can be deactivated or deleted; deactivated ones reactivated or deleted; deleted ones only re-invited, as a new account.',
    source: assumed(
      'S1 and S4 describe deactivation, reactivation, deletion and re-invitation; the allowed transitions are the simulator’s reading of them.',
    ),
  },
  'event.unique-email': {
    summary: 'An email address belongs to at most one account that is not deleted.',
    source: assumed('A tenant identifies its users by email.'),
  },
  'event.actor-active': {
    summary:
      'Only an active account, or a key that is accepted (200), acts (invites, deactivates, creates or deletes keys).',
    source: assumed('A deactivated or deleted account cannot sign in; a refused key cannot call.'),
  },
  'event.setting-change': {
    summary: 'A setting is changed only to a different value.',
    source: assumed('Setting a value it already has would log a change that changes nothing.'),
  },
  'event.key-lifecycle': {
    summary: 'A key is deleted once; only its creator deletes a personal key.',
    source: assumed(
      'S2 says only you delete your personal keys; the rest of key deletion is not documented.',
    ),
  },
};

const RULES = new Map<string, RuleRef>([
  ...Object.entries(WORDS).map(([id, words]): [string, RuleRef] => [id, { id, ...words }]),
  // The one rule that keeps its words in its table (apply.ts says why).
  [EVENT_RULES.manageCredentials.id, EVENT_RULES.manageCredentials],
]);

/** The rule a verdict, an eligibility or a refusal names, with its summary and source. */
export function ruleOf(rule: RuleTag): RuleRef {
  const whole = RULES.get(rule.id);
  if (whole === undefined) throw new Error(`No rule "${rule.id}" in rule-texts.ts`);
  return whole;
}
