/**
 * Scenarios are written as a short script of commands; the builder applies each one and keeps
 * the resulting log. A refused step is a bug in the scenario, so it throws at once.
 */
import type { Actor, TenantEvent } from '../events';
import {
  type AccountRoles,
  addAction,
  changeStatus,
  createCredential,
  createKey,
  createStory,
  inviteAccount,
  type LifecycleEventType,
  type NewCredential,
  type NewHome,
  type NewKey,
  type NewRequest,
  reinviteAccount,
} from '../lifecycle-commands';
import {
  type AccountId,
  type ActionId,
  type CredentialId,
  createTenant,
  type KeyId,
  type StoryId,
  type Tenant,
  type TenantGenesis,
} from '../model';
import { apply } from '../reducer';
import type { ValidityView } from '../validity-view';

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
  /** The validity view of `tenant`, when it was built beside it (off the page's busy moments). */
  readonly view?: ValidityView;
}

const SCENARIO: Actor = { kind: 'scenario' };

/** Made by that account signed in to the console, or (no one named) by the scenario's set-up. */
function actorOf(by: AccountId | undefined): Actor {
  return by === undefined ? SCENARIO : { kind: 'account', accountId: by };
}

/** An HTTP Request action; `credential` (a slug) sends `Authorization: Bearer <<CREDENTIAL.slug>>`. */
export type NewAction = NewRequest & { readonly name: string; readonly credential?: string };

export function scenarioBuilder(genesis: TenantGenesis) {
  let tenant: Tenant = createTenant(genesis);
  const events: TenantEvent[] = [];
  const record = (event: TenantEvent) => {
    const result = apply(tenant, event);
    if (!result.ok) throw new Error(`Scenario step refused: ${result.refusal.reason}`);
    tenant = result.tenant;
    events.push(event);
  };
  const action = (storyId: StoryId, request: NewAction, by?: AccountId): ActionId => {
    const event = addAction(tenant, storyId, request, actorOf(by));
    record(event);
    return event.actionId;
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
    /** A credential in a team or a person's drafts; `by` is the account that saves it. */
    credential(credential: NewHome & NewCredential, by?: AccountId): CredentialId {
      const event = createCredential(tenant, credential, actorOf(by));
      record(event);
      return event.credentialId;
    },
    /** A story in a team or a person's drafts, then its actions in order, all made by `by`. */
    story(
      story: NewHome & { readonly name: string },
      actions: readonly NewAction[] = [],
      by?: AccountId,
    ): { readonly storyId: StoryId; readonly actionIds: readonly ActionId[] } {
      const created = createStory(tenant, story, actorOf(by));
      record(created);
      const actionIds = actions.map((request) => action(created.storyId, request, by));
      return { storyId: created.storyId, actionIds };
    },
    /** An action added at the end of a story. */
    action,
    events: (): readonly TenantEvent[] => events,
    /** The tenant every step so far has built. */
    tenant: (): Tenant => tenant,
  };
}
