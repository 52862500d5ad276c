// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { handleApiRequest } from '../../core/api/handle-request';
import { apply, replay } from '../../core/apply';
import { createCredential } from '../../core/commands';
import { janeTinoScenario } from '../../core/scenarios/jane-tino';
import { keyNamed } from '../../core/testing/named';
import { exampleRequests } from './request-examples';

const scenario = replay(janeTinoScenario.genesis, janeTinoScenario.events).tenant;
const event = createCredential(scenario, {
  teamId: 'team_secops',
  name: 'Examples credential',
  value: { kind: 'external' },
});
const result = apply(scenario, event);
if (!result.ok) throw new Error(result.refusal.reason);
const tenant = result.tenant;

describe('exampleRequests', () => {
  it('offers the credential and story reads, each answered 200 for a tenant owner key', () => {
    const owner = keyNamed(tenant, 'Jane tenant owner');
    const examples = exampleRequests(tenant, owner);
    const reads = examples.filter(
      (example) => example.path.includes('user_credentials') || example.path.includes('stories'),
    );
    expect(reads.filter((example) => example.method === 'GET').map((e) => e.path)).toEqual(
      expect.arrayContaining([
        '/api/v1/user_credentials',
        '/api/v1/user_credentials?include_references=true',
        '/api/v1/user_credentials?filter=UNUSED_IN_ACTIONS',
        '/api/v1/stories',
        '/api/v1/user_credentials?team_id=team_secops',
        '/api/v1/stories?team_id=team_automation',
      ]),
    );
    // The first live credential of the tenant, by id.
    const first = [...tenant.credentials.values()].find((c) => c.deletedAt === null);
    expect(examples).toContainEqual(
      expect.objectContaining({
        label: `Get credential ${first?.name}`,
        path: `/api/v1/user_credentials/${first?.id}?include_references=true`,
      }),
    );
    for (const example of reads.filter((e) => e.method === 'GET')) {
      const outcome = handleApiRequest(
        { tenant, events: [...janeTinoScenario.events, event] },
        {
          method: example.method,
          url: example.path,
          headers: { authorization: `Bearer ${owner.secret}` },
          body: null,
        },
      );
      expect(outcome.response.status, example.label).toBe(200);
    }
  });
});
