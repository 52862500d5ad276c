/**
 * The reducer's part for the events only later views make: a change of roles, a key deleted, the
 * setting, a credential rotated, shared or deleted, an action changed, a story's run. The first
 * paint neither makes nor reads one, so this part loads with what does: the commands that make
 * them (commands.ts) and every reader of a log (apply.ts) import this module, which hands each
 * event type to the reducer (reducer.ts) as it loads. The checks are the reducer's own, in the
 * same order, with the same sentences; each type's effect is apart from its checks, as there, so
 * a trusted replay (trusted-replay.ts) runs the effects alone. It also holds the checks the first
 * paint's reducer has no room for (below), which logs from outside pass through (document.ts).
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
  type Refusal,
  refusalFor,
  requestOf,
  rolesOf,
  sharingOf,
  storyAction,
  text,
  withAccount,
} from './reducer';

// --- What the first paint's checks leave out --------------------------------------------------
//
// The first paint's reducer (reducer.ts) has no bytes to spare, so what it does not check of the
// events it applies too (a story or credential made, an action added) is checked here: by this
// module's own events as they are applied, and, for the first paint's, by every reader of a log
// from outside (document.ts runs `refusalBeyondFirstPaint` on each event before `apply`). The
// console's own commands and scenarios make nothing these refuse.

/** Limits on an HTTP Request action's request (what an export, a link or a saved state holds). */
export const REQUEST_LIMITS = {
  /** Headers of one action. */
  maxHeaders: 50,
  /** Characters of a header's name (its value is a text: at most 200). */
  maxHeaderName: 100,
  /** Characters of an action's body. */
  maxBody: 100_000,
} as const;

/** RFC 9110's token: what a header's name is made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `"X\r\nEvil"`: a text in a refusal, control characters visible, cut short when long. */
function quoted(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** The first control character in `value` (a tab allowed where `tab`), as `U+000A`, or null. */
function controlIn(value: string, tab: boolean): string | null {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && !(tab && code === 0x09)) || code === 0x7f) {
      return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    }
  }
  return null;
}

/**
 * What the reducer's `requestOf` leaves to this part: a path that stays inside /api/ (no control
 * characters, spaces or backslashes, no `.` or `..` segment, however it is percent-encoded),
 * header names that are HTTP tokens and one-line values, and the limits above.
 */
export function requestLimits(event: Record<string, unknown>): void {
  const path = event['path'];
  if (typeof path === 'string') {
    const control = controlIn(path, false);
    if (control !== null) fail(`path holds the control character ${control}.`);
    if (/[\s\\]/.test(path)) fail('path must not hold a space or a backslash.');
    if (/%(?:[01][0-9a-f]|7f)/i.test(path)) {
      fail('path must not hold a percent-encoded control character (%00 to %1F, %7F).');
    }
    const segments = (path.split(/[?#]/)[0] as string)
      .replace(/%2e/gi, '.')
      .replace(/%2f|%5c/gi, '/')
      .split('/');
    if (segments.some((segment) => segment === '.' || segment === '..')) {
      fail('path must not hold a "." or ".." segment (nor %2e): it would leave /api/.');
    }
  }
  const headers = event['headers'];
  if (isRecord(headers)) {
    const names = Object.keys(headers);
    if (names.length > REQUEST_LIMITS.maxHeaders) {
      fail(
        `headers must hold at most ${REQUEST_LIMITS.maxHeaders} headers, not ${names.length.toLocaleString('en-US')}.`,
      );
    }
    for (const name of names) {
      if (name.length > REQUEST_LIMITS.maxHeaderName || !HEADER_NAME.test(name)) {
        fail(
          `headers: ${quoted(name)} is not a header name (at most ${REQUEST_LIMITS.maxHeaderName} letters, digits and !#$%&'*+-.^_\`|~).`,
        );
      }
      const value = headers[name];
      const control = typeof value === 'string' ? controlIn(value, true) : null;
      if (control !== null) {
        fail(
          `headers.${name} holds the control character ${control}: a header's value is one line.`,
        );
      }
    }
  }
  const body = event['body'];
  if (typeof body === 'string' && body.length > REQUEST_LIMITS.maxBody) {
    fail(
      `body must be at most ${REQUEST_LIMITS.maxBody.toLocaleString('en-US')} characters, not ${body.length.toLocaleString('en-US')}.`,
    );
  }
}

/** A team listed twice in `sharedTeams` (the reducer's `sharingOf` checks the rest). */
function sharedTeamsOnce(event: Record<string, unknown>): void {
  const teams = event['sharedTeams'];
  if (!Array.isArray(teams)) return;
  const seen = new Set<unknown>();
  for (let i = 0; i < teams.length; i++) {
    const teamId: unknown = teams[i];
    if (typeof teamId === 'string' && seen.has(teamId)) {
      fail(`sharedTeams lists ${quoted(teamId)} twice.`);
    }
    seen.add(teamId);
  }
}

/** Where a story or credential is made: `teamId` a text or null, `draftsOf` a text if given. */
function homeShape(event: Record<string, unknown>): void {
  const teamId = event['teamId'];
  if (teamId !== null && typeof teamId !== 'string') {
    fail("teamId must be a team's id, or null for a person's drafts.");
  }
  const draftsOf = event['draftsOf'];
  if (draftsOf !== undefined && typeof draftsOf !== 'string') {
    fail('draftsOf must be the id of the account whose drafts hold it.');
  }
}

const BEYOND_FIRST_PAINT = new Map<unknown, (event: Record<string, unknown>) => void>([
  ['story_created', homeShape],
  [
    'credential_created',
    (event) => {
      homeShape(event);
      sharedTeamsOnce(event);
    },
  ],
  ['action_added', requestLimits],
]);

/**
 * Why an event of the first paint's types is refused by the checks its reducer has no room for,
 * or null (for any other event too: `apply` judges the rest). Never throws.
 */
export function refusalBeyondFirstPaint(event: unknown): Refusal | null {
  try {
    if (!isRecord(event)) return null;
    BEYOND_FIRST_PAINT.get(event['type'])?.(event);
    return null;
  } catch (error) {
    return refusalFor(error);
  }
}

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
      sharedTeamsOnce(event);
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
      requestLimits(event);
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
        // The log keeps the event as it came: nothing it would carry unread.
        for (const field of Object.keys(result)) {
          if (field !== 'actionId' && field !== 'status' && field !== 'rule') {
            fail(`results[${i}] has no field ${quoted(field)}.`);
          }
        }
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
      // Each result as the check read it: its three fields (it carries no other).
      const results = event.results.map(
        ({ actionId, status, rule }): ActionResult => ({ actionId, status, rule }),
      );
      return { stories: tenant.stories.set(story.id, { ...story, lastRun: { at, results } }) };
    },
  },
});
