/**
 * The seed article's example: Jane Tino, tenant owner and team admin of "Team Automation",
 * holds one key of each scope. Three colleagues show the creation rules from other sides.
 */
import { type Scenario, scenarioBuilder } from './scenario-builder';

const genesis = {
  name: 'Tino Corp',
  domain: 'tino-corp-1234.tines.com',
  seed: 'jane-tino',
  startsAt: Date.UTC(2026, 0, 5, 9, 0, 0),
  teams: [
    { id: 'team_automation', name: 'Team Automation' },
    { id: 'team_secops', name: 'Team SecOps' },
  ],
} as const;

function build(): Scenario {
  const b = scenarioBuilder(genesis);
  b.invite({
    email: 'alex.morgan@tinocorp.example',
    name: 'Alex Morgan',
    tenantRole: 'owner',
    permissions: [],
    teamRoles: {},
  });
  const jane = b.invite({
    email: 'jane.tino@tinocorp.example',
    name: 'Jane Tino',
    tenantRole: 'owner',
    permissions: [],
    teamRoles: { team_automation: 'team_admin' },
  });
  const sam = b.invite({
    email: 'sam.patel@tinocorp.example',
    name: 'Sam Patel',
    tenantRole: 'user',
    permissions: [],
    teamRoles: { team_automation: 'team_admin', team_secops: 'viewer' },
  });
  const eli = b.invite({
    email: 'eli.brooks@tinocorp.example',
    name: 'Eli Brooks',
    tenantRole: 'user',
    permissions: ['AUDIT_LOG_READ'],
    teamRoles: { team_automation: 'editor' },
  });
  const vera = b.invite({
    email: 'vera.lin@tinocorp.example',
    name: 'Vera Lin',
    tenantRole: 'user',
    permissions: [],
    teamRoles: { team_automation: 'viewer' },
  });

  b.key({ name: 'Jane personal', scope: 'personal', createdBy: jane });
  b.key({
    name: 'Jane team',
    scope: 'team',
    createdBy: jane,
    teamRoles: { team_automation: 'editor' },
  });
  b.key({
    name: 'Jane service',
    scope: 'service',
    createdBy: jane,
    permissions: ['AUDIT_LOG_READ'],
  });
  b.key({ name: 'Jane tenant owner', scope: 'tenant_owner', createdBy: jane });
  b.key({ name: 'Sam personal', scope: 'personal', createdBy: sam });
  b.key({
    name: 'Sam team',
    scope: 'team',
    createdBy: sam,
    teamRoles: { team_automation: 'viewer' },
  });
  b.key({ name: 'Eli personal', scope: 'personal', createdBy: eli });
  b.key({ name: 'Vera personal', scope: 'personal', createdBy: vera });

  return {
    id: 'jane-tino',
    title: 'Jane Tino (the FAQ)',
    genesis,
    events: b.events(),
  };
}

export const janeTinoScenario: Scenario = build();
