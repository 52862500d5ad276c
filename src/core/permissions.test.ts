// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apply, replay } from './apply';
import { changeRoles } from './commands';
import { evaluateKey } from './key-verdict';
import {
  type ApiOperation,
  authorize,
  type CredentialPlace,
  describeOperation,
  PERMISSION_RULES,
} from './permissions';
import { janeTinoScenario } from './scenarios/jane-tino';
import { accountNamed, keyNamed } from './testing/named';
import {
  AUTOMATION,
  EXPECTED_PERMISSIONS as EXPECTED,
  permissionOperations,
} from './testing/permission-table';
import { LIFECYCLE_STAGES, runStage } from './what-if';

const base = replay(janeTinoScenario.genesis, janeTinoScenario.events).tenant;

const jane = accountNamed(base, 'Jane Tino');
const OPERATIONS = permissionOperations(jane.id);
describe('authorize', () => {
  describe.each(Object.entries(EXPECTED))('%s', (keyName, statuses) => {
    it.each(LIFECYCLE_STAGES.map(({ stage, label }) => [label, stage] as const))(
      'answers every endpoint as the table says when its creator is %s',
      (_, stage) => {
        const key = keyNamed(base, keyName);
        const outcome = runStage(base, key.createdBy, stage);
        if (!outcome.reachable) throw new Error(outcome.reason);
        const tenant = outcome.tenant;
        // A refused key is refused everywhere (401); an accepted one gets the table's answer.
        const refused = evaluateKey(tenant, key.id).status === 401;
        const answers = OPERATIONS.map(
          ([, operation]) => authorize(tenant, key.id, operation).status,
        );
        expect(answers).toEqual(refused ? statuses.map(() => 401) : statuses);
      },
    );
  });

  it('breaks only personal keys with 401 when their creator is deactivated: the FAQ, per endpoint', () => {
    const outcome = runStage(base, jane.id, 'deactivated');
    if (!outcome.reachable) throw new Error(outcome.reason);
    const personal = authorize(outcome.tenant, keyNamed(base, 'Jane personal').id, {
      kind: 'info',
    });
    expect(personal).toMatchObject({ status: 401, code: 'OWNER_DEACTIVATED' });
    const owner = authorize(outcome.tenant, keyNamed(base, 'Jane tenant owner').id, {
      kind: 'list_users',
    });
    expect(owner.status).toBe(200);
  });

  it('turns a demoted owner’s admin calls into 403 while her personal key stays valid', () => {
    const demoted = apply(
      base,
      changeRoles(base, jane.id, { tenantRole: 'user', permissions: [], teamRoles: {} }),
    );
    if (!demoted.ok) throw new Error(demoted.refusal.reason);
    const personal = keyNamed(base, 'Jane personal').id;
    expect(authorize(demoted.tenant, personal, { kind: 'info' }).status).toBe(200);
    const users = authorize(demoted.tenant, personal, { kind: 'list_users' });
    expect(users).toMatchObject({ status: 403, code: 'NOT_TENANT_OWNER' });
    expect(users.rule.id).toBe('perm.admin-users');
    expect(
      authorize(demoted.tenant, personal, { kind: 'create_story', teamId: AUTOMATION }),
    ).toMatchObject({
      status: 403,
      code: 'NOT_ON_TEAM',
    });
    // Her tenant owner key is its own principal: the demotion does not touch it.
    expect(
      authorize(demoted.tenant, keyNamed(base, 'Jane tenant owner').id, { kind: 'list_users' })
        .status,
    ).toBe(200);
  });

  it('answers 401 for no key or an unknown one, before any permission check', () => {
    expect(authorize(base, undefined, { kind: 'list_users' })).toMatchObject({
      status: 401,
      code: 'UNKNOWN_KEY',
    });
    expect(authorize(base, 'key_9999', { kind: 'info' }).status).toBe(401);
  });

  it('names the reason for a viewer writing a story', () => {
    const decision = authorize(base, keyNamed(base, 'Vera personal').id, {
      kind: 'create_story',
      teamId: AUTOMATION,
    });
    expect(decision).toMatchObject({ status: 403, code: 'TEAM_ROLE_TOO_LOW' });
    expect(decision.rule.source.kind).toBe('assumed');
  });

  it('writes each operation as the request a person would send', () => {
    expect(OPERATIONS.map(([, operation]) => describeOperation(operation))).toEqual([
      'GET /api/v1/info',
      'GET /api/v1/admin/users',
      `GET /api/v1/admin/users/${jane.id}`,
      `PUT /api/v1/admin/users/${jane.id}`,
      `DELETE /api/v1/admin/users/${jane.id}`,
      'GET /api/v1/audit_logs',
      'GET /api/v1/teams/team_automation/members',
      'GET /api/v1/teams/team_secops/members',
      'POST /api/v1/stories (team_id team_automation)',
      'POST /api/v1/stories (team_id team_secops)',
    ]);
  });
});

describe('authorize: credentials and stories (assumed from S5, S9, S11, S16)', () => {
  const vera = accountNamed(base, 'Vera Lin');
  const place = (
    home: { teamId: string } | { draftsOf: string },
    readAccess: CredentialPlace['readAccess'] = 'TEAM',
    sharedTeams: string[] = [],
  ): CredentialPlace => ({
    teamId: 'teamId' in home ? home.teamId : null,
    draftsOf: 'draftsOf' in home ? home.draftsOf : null,
    readAccess,
    sharedTeams,
  });
  const read = (credential: CredentialPlace | null): ApiOperation => ({
    kind: 'get_credential',
    credentialId: 'cred_x',
    place: credential,
  });
  const columns: ReadonlyArray<readonly [string, ApiOperation]> = [
    ['list credentials', { kind: 'list_credentials', teamId: null }],
    ['list credentials of Automation', { kind: 'list_credentials', teamId: AUTOMATION }],
    ['list credentials of SecOps', { kind: 'list_credentials', teamId: 'team_secops' }],
    ['read an Automation TEAM credential', read(place({ teamId: AUTOMATION }))],
    ['read a SecOps TEAM credential', read(place({ teamId: 'team_secops' }))],
    ['read a GLOBAL credential of SecOps', read(place({ teamId: 'team_secops' }, 'GLOBAL'))],
    [
      'read a SecOps credential shared with Automation',
      read(place({ teamId: 'team_secops' }, 'SPECIFIC_TEAMS', [AUTOMATION])),
    ],
    ['read a credential in Vera’s drafts', read(place({ draftsOf: vera.id }))],
    ['read an unknown credential (404 follows)', read(null)],
    ['list stories', { kind: 'list_stories', teamId: null }],
    ['list stories of Automation', { kind: 'list_stories', teamId: AUTOMATION }],
    ['list stories of SecOps', { kind: 'list_stories', teamId: 'team_secops' }],
  ];
  // Rows: the FAQ tenant's keys (roles as in the table above); columns as listed.
  const EXPECTED_READS: Readonly<Record<string, readonly number[]>> = {
    'Jane personal': [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    'Jane tenant owner': [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    // Editor on Automation.
    'Jane team': [200, 200, 403, 200, 403, 200, 200, 403, 200, 200, 200, 403],
    // Tenant permissions only.
    'Jane service': [403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    // Team admin of Automation, viewer of SecOps.
    'Sam personal': [200, 200, 200, 200, 200, 200, 200, 403, 200, 200, 200, 200],
    // Viewer on Automation.
    'Sam team': [200, 200, 403, 200, 403, 200, 200, 403, 200, 200, 200, 403],
    'Eli personal': [200, 200, 403, 200, 403, 200, 200, 403, 200, 200, 200, 403],
    // Viewer on Automation; her own drafts.
    'Vera personal': [200, 200, 403, 200, 403, 200, 200, 200, 200, 200, 200, 403],
  };

  it.each(Object.entries(EXPECTED_READS))('%s', (keyName, statuses) => {
    const key = keyNamed(base, keyName);
    expect(columns.map(([, operation]) => authorize(base, key.id, operation).status)).toEqual(
      statuses,
    );
  });

  it('names the reason and an assumed rule for each refusal', () => {
    const service = keyNamed(base, 'Jane service').id;
    const team = keyNamed(base, 'Jane team').id;
    expect(authorize(base, service, { kind: 'list_credentials', teamId: null })).toEqual({
      status: 403,
      code: 'NO_TEAM_ACCESS',
      rule: PERMISSION_RULES.listCredentials,
    });
    expect(authorize(base, service, { kind: 'list_stories', teamId: null })).toMatchObject({
      code: 'NO_TEAM_ACCESS',
      rule: { id: 'perm.list-stories' },
    });
    expect(
      authorize(base, team, { kind: 'list_credentials', teamId: 'team_secops' }),
    ).toMatchObject({ code: 'NOT_ON_TEAM', rule: { id: 'perm.list-credentials' } });
    expect(authorize(base, team, read(place({ draftsOf: vera.id })))).toMatchObject({
      code: 'CREDENTIAL_NOT_SHARED',
      rule: { id: 'perm.get-credential' },
    });
    for (const rule of [
      PERMISSION_RULES.listCredentials,
      PERMISSION_RULES.getCredential,
      PERMISSION_RULES.listStories,
    ]) {
      expect(rule.source.kind).toBe('assumed');
    }
  });

  it('answers 401 before any of it for a deactivated creator’s personal key', () => {
    const outcome = runStage(base, jane.id, 'deactivated');
    if (!outcome.reachable) throw new Error(outcome.reason);
    const personal = keyNamed(base, 'Jane personal').id;
    for (const [, operation] of columns) {
      expect(authorize(outcome.tenant, personal, operation)).toMatchObject({
        status: 401,
        code: 'OWNER_DEACTIVATED',
      });
    }
  });

  it('writes the requests with their team and, for one credential, where it lives', () => {
    expect(describeOperation({ kind: 'list_credentials', teamId: null })).toBe(
      'GET /api/v1/user_credentials',
    );
    expect(describeOperation({ kind: 'list_stories', teamId: AUTOMATION })).toBe(
      'GET /api/v1/stories?team_id=team_automation',
    );
    expect(
      describeOperation(read(place({ teamId: 'team_secops' }, 'SPECIFIC_TEAMS', [AUTOMATION]))),
    ).toBe(
      'GET /api/v1/user_credentials/cred_x (a credential of team_secops, read access SPECIFIC_TEAMS team_automation)',
    );
    expect(describeOperation(read(place({ draftsOf: vera.id }, 'GLOBAL')))).toBe(
      `GET /api/v1/user_credentials/cred_x (a credential in ${vera.id}'s drafts, read access GLOBAL)`,
    );
    expect(describeOperation(read(null))).toBe('GET /api/v1/user_credentials/cred_x');
  });
});
