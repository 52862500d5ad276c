/**
 * The seed article's example: Jane Tino, tenant owner and team admin of "Team Automation",
 * holds one key of each scope. Three colleagues show the creation rules from other sides.
 *
 * Then the chain the FAQ implies, key -> credential -> action -> story: "Within Team Automation,
 * Jane creates Tines API keys for each level as credentials" (S1), and stories send requests with
 * them (S13, S14). Her personal key's credential is shared with all teams (`GLOBAL`, S11) and a
 * Team SecOps story uses it; a credential in her drafts, also `GLOBAL`, holds her service key for
 * another SecOps story, and is deleted with her account (S9). The credentials, stories and
 * actions come after every key, so the ids the README promises stay where they are.
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
  const alex = b.invite({
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

  const personal = b.key({ name: 'Jane personal', scope: 'personal', createdBy: jane });
  const team = b.key({
    name: 'Jane team',
    scope: 'team',
    createdBy: jane,
    teamRoles: { team_automation: 'editor' },
  });
  const service = b.key({
    name: 'Jane service',
    scope: 'service',
    createdBy: jane,
    permissions: ['AUDIT_LOG_READ'],
  });
  const tenantOwner = b.key({ name: 'Jane tenant owner', scope: 'tenant_owner', createdBy: jane });
  b.key({ name: 'Sam personal', scope: 'personal', createdBy: sam });
  b.key({
    name: 'Sam team',
    scope: 'team',
    createdBy: sam,
    teamRoles: { team_automation: 'viewer' },
  });
  b.key({ name: 'Eli personal', scope: 'personal', createdBy: eli });
  b.key({ name: 'Vera personal', scope: 'personal', createdBy: vera });

  // Jane's four keys as credentials of Team Automation (S1), as the connect flow stores them
  // (TEXT, S10). She shared the personal one with all teams: the hazard an offboarding must find.
  const automation = { teamId: 'team_automation' } as const;
  const secops = { teamId: 'team_secops' } as const;
  const keyValue = (keyId: string) => ({ kind: 'key', keyId }) as const;
  b.credential(
    {
      ...automation,
      name: 'Jane personal API key',
      readAccess: 'GLOBAL',
      value: keyValue(personal),
    },
    jane,
  );
  b.credential({ ...automation, name: 'Jane team API key', value: keyValue(team) }, jane);
  b.credential({ ...automation, name: 'Jane service API key', value: keyValue(service) }, jane);
  b.credential(
    { ...automation, name: 'Jane tenant owner API key', value: keyValue(tenantOwner) },
    jane,
  );
  // A copy of the service key in her drafts, usable by every team (GLOBAL: "All teams & drafts").
  b.credential(
    {
      draftsOf: jane,
      name: 'Jane drafts audit key',
      readAccess: 'GLOBAL',
      value: keyValue(service),
    },
    jane,
  );

  const get = (name: string, path: string, credential: string) =>
    ({ name, method: 'GET', path, credential }) as const;
  b.story(
    { ...automation, name: 'User sync' },
    [
      get('Fetch users', '/api/v1/admin/users', 'jane_personal_api_key'),
      get(
        'Fetch Team Automation members',
        '/api/v1/teams/team_automation/members',
        'jane_personal_api_key',
      ),
    ],
    jane,
  );
  b.story(
    { ...automation, name: 'Audit export' },
    [get('Export audit logs', '/api/v1/audit_logs', 'jane_service_api_key')],
    jane,
  );
  b.story(
    { ...automation, name: 'Team members report' },
    [get('List team members', '/api/v1/teams/team_automation/members', 'jane_team_api_key')],
    jane,
  );
  b.story(
    { ...automation, name: 'Access review' },
    [get('List all users', '/api/v1/admin/users', 'jane_tenant_owner_api_key')],
    jane,
  );
  // Team SecOps, set up by Alex (a tenant owner), borrows both of Jane's shared credentials.
  b.story(
    { ...secops, name: 'SecOps user watch' },
    [get('Check users', '/api/v1/admin/users', 'jane_personal_api_key')],
    alex,
  );
  b.story(
    { ...secops, name: 'SecOps audit digest' },
    [get('Pull audit logs', '/api/v1/audit_logs', 'jane_drafts_audit_key')],
    alex,
  );

  return {
    id: 'jane-tino',
    title: 'Jane Tino (the FAQ)',
    genesis,
    events: b.events(),
  };
}

export const janeTinoScenario: Scenario = build();
