/**
 * The reducer's part for the events only later views make: a change of roles, a key deleted, the
 * setting, a credential rotated, shared or deleted, an action changed, a story's run. The first
 * paint neither makes nor reads one, so this part loads with what does: the commands that make
 * them (commands.ts) and every reader of a log (apply.ts) import this module, which hands each
 * event type to the reducer (reducer.ts) as it loads. The checks are the reducer's own, in the
 * same order, with the same sentences.
 */
import type { Actor } from './events';
import {
  type ActionResult,
  type Credential,
  type HttpAction,
  TENANT_ROLES,
  type Tenant,
  type TenantRole,
} from './model';
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
  permissionsOf,
  requestOf,
  sharingOf,
  storyAction,
  teamRolesOf,
  text,
  withAccount,
} from './reducer';

/** A credential that is not deleted, which the actor may edit or delete. */
function managedCredential(
  tenant: Tenant,
  event: Record<string, unknown>,
  what: 'edit' | 'delete',
): Credential {
  const credential = liveOf(tenant.credentials, event['credentialId'], 'credential');
  mayManage(tenant, event['actor'] as Actor, credential, what);
  return credential;
}

learnEventTypes({
  account_roles_changed: {
    fields: ['accountId', 'tenantRole', 'permissions', 'teamRoles'],
    change(tenant, event, at) {
      const account = accountOf(tenant, event['accountId']);
      if (account.status === 'deleted') {
        fail(
          `${account.name}'s account is deleted; its roles cannot change.`,
          EVENT_RULE_TAGS.lifecycle,
        );
      }
      return withAccount(tenant, {
        ...account,
        tenantRole: oneOf<TenantRole>(event['tenantRole'], TENANT_ROLES, 'tenantRole'),
        permissions: permissionsOf(event['permissions'], 'permissions'),
        teamRoles: teamRolesOf(tenant, event['teamRoles'], 'teamRoles'),
        updatedAt: at,
      });
    },
  },
  key_deleted: {
    fields: ['keyId'],
    change(tenant, event, at) {
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
      return { keys: tenant.keys.set(key.id, { ...key, revokedAt: at }) };
    },
  },
  setting_changed: {
    fields: ['setting', 'value'],
    change(tenant, event) {
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
      return { restrictApiKeyCreation: value };
    },
  },
  credential_rotated: {
    fields: ['credentialId', 'value'],
    change(tenant, event, at) {
      const credential = managedCredential(tenant, event, 'edit');
      const value = credentialValueOf(tenant, event['value']);
      return {
        credentials: tenant.credentials.set(credential.id, { ...credential, value, updatedAt: at }),
      };
    },
  },
  credential_sharing_changed: {
    fields: ['credentialId', 'readAccess', 'sharedTeams'],
    change(tenant, event, at) {
      const credential = managedCredential(tenant, event, 'edit');
      const changed: Credential = { ...credential, ...sharingOf(tenant, event), updatedAt: at };
      return { credentials: tenant.credentials.set(credential.id, changed) };
    },
  },
  credential_deleted: {
    fields: ['credentialId'],
    change(tenant, event, at) {
      const credential = managedCredential(tenant, event, 'delete');
      return {
        credentials: tenant.credentials.set(credential.id, { ...credential, deletedAt: at }),
      };
    },
  },
  action_changed: {
    fields: ['storyId', 'actionId', 'method', 'path', 'headers', 'body'],
    change(tenant, event) {
      const { story, actionId, index } = storyAction(tenant, event);
      if (index === -1) fail(`${story.name} has no action "${actionId}".`);
      const action: HttpAction = {
        id: actionId,
        name: (story.actions[index] as HttpAction).name,
        ...requestOf(event),
      };
      const actions = story.actions.map((each, i) => (i === index ? action : each));
      return { stories: tenant.stories.set(story.id, { ...story, actions }) };
    },
  },
  story_run_recorded: {
    fields: ['storyId', 'results'],
    change(tenant, event, at) {
      const story = liveOf(tenant.stories, event['storyId'], 'story');
      const results = event['results'];
      if (!Array.isArray(results) || results.length !== story.actions.length) {
        fail(`results must list each of the story's ${story.actions.length} actions.`);
      }
      const run: ActionResult[] = [];
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
        run.push({
          actionId: oneOf(
            result['actionId'],
            [story.actions[i]?.id ?? ''],
            `results[${i}].actionId`,
          ),
          status: status as number | null,
          rule: text(result['rule'], `results[${i}].rule`),
        });
      }
      return { stories: tenant.stories.set(story.id, { ...story, lastRun: { at, results: run } }) };
    },
  },
});
