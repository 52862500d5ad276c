/**
 * What each scenario teaches, for the Training view's list of scenarios (and the README). Apart
 * from the scenarios themselves, so that the first paint does not carry the prose.
 */
export const SCENARIO_ABOUT: Readonly<Record<string, string>> = {
  'jane-tino':
    'The vendor FAQ’s example: Jane Tino, tenant owner and team admin of Team Automation, holds a personal, team, service and tenant owner key. Deactivate, reactivate, delete and re-invite her and only the personal key breaks. Sam (team admin), Eli (editor) and Vera (viewer) show who may create which key.',
  blank:
    'One tenant owner (Morgan Lee) and no keys: create keys of each scope and try the lifecycle yourself.',
  large:
    'A generated organisation to test the console at scale: by default 10,000 people in 50 teams and about 40,000 keys of all four scopes, with some people already deactivated, deleted, or deleted and re-invited as new accounts. Set people (1–20000) and keysPerPerson (0–10) in the URL; the same parameters always give the same tenant.',
};
