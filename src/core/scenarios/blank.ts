/** A tenant with one owner and no keys: a clean slate to build on. */
import { type Scenario, scenarioBuilder } from './scenario-builder';

const genesis = {
  name: 'Blank Co',
  domain: 'blank-co-0001.tines.com',
  seed: 'blank',
  startsAt: Date.UTC(2026, 0, 5, 9, 0, 0),
  teams: [{ id: 'team_automation', name: 'Team Automation' }],
} as const;

function build(): Scenario {
  const b = scenarioBuilder(genesis);
  b.invite({
    email: 'morgan.lee@blankco.example',
    name: 'Morgan Lee',
    tenantRole: 'owner',
    permissions: [],
    teamRoles: { team_automation: 'team_admin' },
  });
  return {
    id: 'blank',
    title: 'Blank tenant',
    genesis,
    events: b.events(),
  };
}

export const blankScenario: Scenario = build();
