/**
 * Scenarios are written as a short script of commands; the builder applies each one and keeps
 * the resulting log. A refused step is a bug in the scenario, so it throws at once.
 */
import { apply } from '../apply';
import { type AccountRoles, createKey, inviteAccount, type NewKey } from '../commands';
import type { TenantEvent } from '../events';
import {
  type AccountId,
  createTenant,
  type KeyId,
  type Tenant,
  type TenantGenesis,
} from '../model';

export interface Scenario {
  readonly id: string;
  readonly title: string;
  /** What the scenario teaches, for the picker and the README. */
  readonly summary: string;
  readonly genesis: TenantGenesis;
  readonly events: readonly TenantEvent[];
}

export function scenarioBuilder(genesis: TenantGenesis) {
  let tenant: Tenant = createTenant(genesis);
  const events: TenantEvent[] = [];
  const record = (event: TenantEvent) => {
    const result = apply(tenant, event);
    if (!result.ok) throw new Error(`Scenario step refused: ${result.refusal.reason}`);
    tenant = result.tenant;
    events.push(event);
  };
  return {
    invite(person: { email: string; name: string } & AccountRoles): AccountId {
      const event = inviteAccount(tenant, person, { kind: 'scenario' });
      record(event);
      return event.accountId;
    },
    key(key: NewKey): KeyId {
      const event = createKey(tenant, key);
      record(event);
      return event.keyId;
    },
    events: (): readonly TenantEvent[] => events,
  };
}
