/**
 * Scenarios are written as a short script of commands; the builder applies each one and keeps
 * the resulting log. A refused step is a bug in the scenario, so it throws at once.
 */
import { apply } from '../apply';
import {
  type AccountRoles,
  changeStatus,
  createKey,
  inviteAccount,
  type LifecycleEventType,
  type NewKey,
  reinviteAccount,
} from '../commands';
import type { Actor, TenantEvent } from '../events';
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
  readonly genesis: TenantGenesis;
  readonly events: readonly TenantEvent[];
  /**
   * The tenant `events` build from `genesis`, when the builder already holds it: loading a large
   * scenario then costs no second replay. Only a builder sets it, so it always equals
   * `replay(genesis, events).tenant`.
   */
  readonly tenant?: Tenant;
}

const SCENARIO: Actor = { kind: 'scenario' };

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
      const event = inviteAccount(tenant, person, SCENARIO);
      record(event);
      return event.accountId;
    },
    key(key: NewKey): KeyId {
      const event = createKey(tenant, key);
      record(event);
      return event.keyId;
    },
    /** Deactivate, reactivate or delete an account. */
    status(type: LifecycleEventType, accountId: AccountId): void {
      record(changeStatus(tenant, type, accountId, SCENARIO));
    },
    /** Invite a deleted person back: a new account, with the old one's roles unless given. */
    reinvite(previousAccountId: AccountId, roles?: AccountRoles): AccountId {
      const event = reinviteAccount(tenant, previousAccountId, roles, SCENARIO);
      record(event);
      return event.accountId;
    },
    events: (): readonly TenantEvent[] => events,
    /** The tenant every step so far has built. */
    tenant: (): Tenant => tenant,
  };
}
