/**
 * What each scenario teaches, for the Training view's list of scenarios (and the README). Apart
 * from the scenarios themselves, so that the first paint does not carry the prose.
 */
export const SCENARIO_ABOUT: Readonly<Record<string, string>> = {
  'jane-tino':
    'The vendor FAQ’s example: Jane Tino, tenant owner and team admin of Team Automation, holds a personal, team, service and tenant owner key, each stored as a credential of Team Automation that a story uses (User sync on the personal key, Audit export on the service key, Team members report on the team key, Access review on the tenant owner key). Deactivate, reactivate, delete and re-invite her and only the personal key breaks, but so does every story that uses it: her personal key’s credential is shared with all teams, and Team SecOps’ SecOps user watch uses it too. A credential in Jane’s drafts, also shared with all teams, feeds SecOps audit digest and is deleted with her account. Sam (team admin), Eli (editor) and Vera (viewer) show who may create which key.',
  blank:
    'One tenant owner (Morgan Lee) and no keys, credentials or stories: create keys of each scope and try the lifecycle yourself.',
  large:
    'A generated organisation to test the console at scale: by default 10,000 people in 50 teams and about 40,000 keys of all four scopes, with some people already deactivated, deleted, or deleted and re-invited as new accounts. About one credential per person (most in their team, some shared with all teams or with chosen teams, some in a person’s drafts, a few secrets of other services) and a story per three people, each with five actions that use those credentials: pick hundreds of people in Offboarding and see what would break. Set people (1–20000) and keysPerPerson (0–10) in the URL; the same parameters always give the same tenant.',
};
