// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { replay } from '../apply';
import { janeTinoScenario } from '../scenarios/jane-tino';
import { keyNamed } from '../testing/named';
import type { ApiRequest } from './api-types';
import { handleApiRequest } from './handle-request';

const tenant = replay(janeTinoScenario.genesis, janeTinoScenario.events).tenant;
const state = { tenant, events: janeTinoScenario.events };

interface AuditEntry {
  readonly operation_name: string;
  readonly user_email: string | null;
  readonly inputs: { readonly inputs: Record<string, unknown> };
}

/** The whole audit log, as a SIEM pulls it: every page, newest first. */
function auditLog(): AuditEntry[] {
  const request: ApiRequest = {
    method: 'GET',
    url: '/api/v1/audit_logs?per_page=500',
    headers: { authorization: `Bearer ${keyNamed(tenant, 'Jane tenant owner').secret}` },
    body: null,
  };
  const outcome = handleApiRequest(state, request);
  expect(outcome.response.status).toBe(200);
  return (outcome.response.body as { audit_logs: AuditEntry[] }).audit_logs;
}

/**
 * A detection rule written the way Panther's "Tines Tenant API Keys Added" is (operation name,
 * then `inputs.inputs` fields, then who did it): it fires on a key that acts as a service
 * account, that is every non-personal key.
 */
function tenantKeysAdded(entry: AuditEntry): boolean {
  return (
    entry.operation_name === 'AuthenticationTokenCreation' &&
    entry.inputs.inputs['isServiceToken'] === true
  );
}

describe('the audit log, read by a detection rule', () => {
  it('flags the creation of every team, service and tenant owner key, and no personal key', () => {
    const created = auditLog().filter(
      (entry) => entry.operation_name === 'AuthenticationTokenCreation',
    );
    const flagged = created.filter(tenantKeysAdded).map((entry) => entry.inputs.inputs['name']);
    const expected = [...tenant.keys.values()]
      .filter((key) => key.scope !== 'personal')
      .map((key) => key.name);
    expect(flagged.sort()).toEqual(expected.sort());
    expect(flagged).toEqual(
      expect.arrayContaining(['Jane team', 'Jane service', 'Jane tenant owner']),
    );
    for (const entry of created.filter((candidate) => !tenantKeysAdded(candidate))) {
      expect(entry.inputs.inputs['scope']).toBe('personal');
    }
  });

  it('names who created each flagged key, as the rule’s alert does', () => {
    const emails = auditLog()
      .filter(tenantKeysAdded)
      .map((entry) => entry.user_email);
    expect(emails).not.toContain(null);
    expect(emails).toContain('jane.tino@tinocorp.example');
  });
});
