// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apply, replay } from './apply';
import { changeRoles } from './commands';
import { evaluateKey } from './key-verdict';
import { authorize, describeOperation } from './permissions';
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
