/**
 * The reducer's part for the events only later views make: a change of roles, a key deleted, the
 * setting, a credential rotated, shared or deleted, an action changed, a story's run. The first
 * paint neither makes nor reads one, so this part loads with what does: the commands that make
 * them (commands.ts) and every reader of a log (apply.ts) import this module, which hands each
 * event type to the reducer (reducer.ts) as it loads. The checks are the reducer's own, in the
 * same order, with the same sentences; each type's effect is apart from its checks, as there, so
 * a trusted replay (trusted-replay.ts) runs the effects alone.
 */
import type { Actor } from './events';
import type { ActionResult, Credential, HttpAction, Story, Tenant } from './model';
import {
  accountOf,
  credentialValueOf,
  EVENT_RULE_TAGS,
  fail,
  held,
  isRecord,
  learnEventTypes,
  liveOf,
  mayManage,
  oneOf,
  requestOf,
  rolesOf,
  sharingOf,
  storyAction,
  text,
  withAccount,
} from './reducer';

/** A credential that is not deleted, which the actor may edit or delete. */
function managedCredential(
  tenant: Tenant,
  event: Record<string, unknown>,
  what: 'edit' | 'delete',
): void {
  const credential = liveOf(tenant.credentials, event['credentialId'], 'credential');
  mayManage(tenant, event['actor'] as Actor, credential, what);
}

/** The credential an accepted event names, changed. */
function withCredential(
  tenant: Tenant,
  event: { readonly credentialId: string },
  change: Partial<Credential>,
): Partial<Tenant> {
  const credential = tenant.credentials.get(event.credentialId) as Credential;
  return { credentials: tenant.credentials.set(credential.id, { ...credential, ...change }) };
}

function storyOf(tenant: Tenant, event: { readonly storyId: string }): Story {
  return tenant.stories.get(event.storyId) as Story;
}

learnEventTypes({
  account_roles_changed: {
    fields: ['accountId', 'tenantRole', 'permissions', 'teamRoles'],
    check(tenant, event) {
      const account = accountOf(tenant, event['accountId']);
      if (account.status === 'deleted') {
        fail(
          `${account.name}'s account is deleted; its roles cannot change.`,
          EVENT_RULE_TAGS.lifecycle,
        );
      }
      rolesOf(tenant, event);
    },
    effect(tenant, event, at) {
      const account = tenant.accounts.get(event.accountId);
      return withAccount(tenant, {
        ...(account as NonNullable<typeof account>),
        tenantRole: event.tenantRole,
        permissions: [...event.permissions],
        teamRoles: { ...event.teamRoles },
        updatedAt: at,
      });
    },
  },
  key_deleted: {
    fields: ['keyId'],
    check(tenant, event) {
      const key = held(tenant.keys, event['keyId'], 'key');
      if (key.revokedAt !== null) {
        fail(`${key.name} is already deleted.`, EVENT_RULE_TAGS.keyLifecycle);
      }
      const actor = event['actor'] as Actor;
      if (
        key.scope === 'personal' &&
        actor.kind === 'account' &&
        actor.accountId !== key.createdBy
      ) {
        fail('Only its creator deletes a personal key.', EVENT_RULE_TAGS.keyLifecycle);
      }
    },
    effect(tenant, event, at) {
      const key = tenant.keys.get(event.keyId);
      return {
        keys: tenant.keys.set(event.keyId, { ...(key as NonNullable<typeof key>), revokedAt: at }),
      };
    },
  },
  setting_changed: {
    fields: ['setting', 'value'],
    check(tenant, event) {
      if (event['setting'] !== 'restrictApiKeyCreation') {
        fail('setting must be restrictApiKeyCreation.');
      }
      const value = event['value'];
      if (typeof value !== 'boolean') fail('value must be true or false.');
      if (value === tenant.restrictApiKeyCreation) {
        fail(
          `Key creation is already ${value ? 'restricted' : 'unrestricted'}.`,
          EVENT_RULE_TAGS.setting,
        );
      }
    },
    effect: (_tenant, event) => ({ restrictApiKeyCreation: event.value }),
  },
  credential_rotated: {
    fields: ['credentialId', 'value'],
    check(tenant, event) {
      managedCredential(tenant, event, 'edit');
      credentialValueOf(tenant, event['value']);
    },
    effect: (tenant, event, at) =>
      withCredential(tenant, event, { value: { ...event.value }, updatedAt: at }),
  },
  credential_sharing_changed: {
    fields: ['credentialId', 'readAccess', 'sharedTeams'],
    check(tenant, event) {
      managedCredential(tenant, event, 'edit');
      sharingOf(tenant, event);
    },
    effect: (tenant, event, at) =>
      withCredential(tenant, event, {
        readAccess: event.readAccess,
        sharedTeams: [...event.sharedTeams],
        updatedAt: at,
      }),
  },
  credential_deleted: {
    fields: ['credentialId'],
    check(tenant, event) {
      managedCredential(tenant, event, 'delete');
    },
    effect: (tenant, event, at) => withCredential(tenant, event, { deletedAt: at }),
  },
  action_changed: {
    fields: ['storyId', 'actionId', 'method', 'path', 'headers', 'body'],
    check(tenant, event) {
      const { story, actionId, index } = storyAction(tenant, event);
      if (index === -1) fail(`${story.name} has no action "${actionId}".`);
      requestOf(event);
    },
    effect(tenant, event) {
      const story = storyOf(tenant, event);
      const index = story.actions.findIndex((action) => action.id === event.actionId);
      const action: HttpAction = {
        id: event.actionId,
        name: (story.actions[index] as HttpAction).name,
        method: event.method,
        path: event.path,
        headers: { ...event.headers },
        body: event.body,
      };
      const actions = story.actions.map((each, i) => (i === index ? action : each));
      return { stories: tenant.stories.set(story.id, { ...story, actions }) };
    },
  },
  story_run_recorded: {
    fields: ['storyId', 'results'],
    check(tenant, event) {
      const story = liveOf(tenant.stories, event['storyId'], 'story');
      const results = event['results'];
      if (!Array.isArray(results) || results.length !== story.actions.length) {
        fail(`results must list each of the story's ${story.actions.length} actions.`);
      }
      for (let i = 0; i < results.length; i++) {
        const result: unknown = results[i];
        if (!isRecord(result)) fail(`results[${i}] must be an object.`);
        const status = result['status'];
        if (
          status !== null &&
          (!Number.isInteger(status) || (status as number) < 100 || (status as number) > 599)
        ) {
          fail(`results[${i}].status must be an HTTP status, or null for an action not sent.`);
        }
        oneOf(result['actionId'], [story.actions[i]?.id ?? ''], `results[${i}].actionId`);
        text(result['rule'], `results[${i}].rule`);
      }
    },
    effect(tenant, event, at) {
      const story = storyOf(tenant, event);
      // Each result as the check read it: its three fields, whatever else it carried.
      const results = event.results.map(
        ({ actionId, status, rule }): ActionResult => ({ actionId, status, rule }),
      );
      return { stories: tenant.stories.set(story.id, { ...story, lastRun: { at, results } }) };
    },
  },
});
