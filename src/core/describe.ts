/** Plain-language lines for events and keys, shared by the explanations and announcements. */
import type { Actor, TenantEvent } from './events';
import { SCOPE_LABELS, type Tenant } from './model';

/**
 * A line's pieces: its own words, and the names it quotes kept apart, so that a view can isolate
 * each name (`<bdi>`) and no name can reorder the words around it (a right-to-left name would).
 */
export type LinePart = string | { readonly name: string };

function named(name: string): LinePart {
  return { name };
}

function accountName(tenant: Tenant, accountId: string): LinePart {
  return named(tenant.accounts.get(accountId)?.name ?? accountId);
}

function actorParts(tenant: Tenant, actor: Actor): LinePart[] {
  switch (actor.kind) {
    case 'scenario':
      return ['the scenario'];
    case 'console':
      return ['the console'];
    case 'account':
      return [accountName(tenant, actor.accountId)];
    case 'key':
      return ['key ', named(tenant.keys.get(actor.keyId)?.name ?? actor.keyId)];
  }
}

/** The line's parts, words and names in reading order, adjacent words joined. */
function line(...pieces: ReadonlyArray<LinePart | readonly LinePart[]>): LinePart[] {
  const parts: LinePart[] = [];
  for (const part of pieces.flat()) {
    const last = parts[parts.length - 1];
    if (typeof part === 'string' && typeof last === 'string') parts[parts.length - 1] = last + part;
    else parts.push(part);
  }
  return parts;
}

/**
 * "Jane Tino was deactivated by the console", in parts. `tenant` is the tenant the event applies
 * to (names are looked up there, so a re-invite can still name the old account).
 */
export function describeEventParts(tenant: Tenant, event: TenantEvent): LinePart[] {
  const by = actorParts(tenant, event.actor);
  switch (event.type) {
    case 'account_invited':
      return line(named(event.name), ' was invited by ', by);
    case 'account_deactivated':
      return line(accountName(tenant, event.accountId), ' was deactivated by ', by);
    case 'account_reactivated':
      return line(accountName(tenant, event.accountId), ' was reactivated by ', by);
    case 'account_deleted':
      return line(accountName(tenant, event.accountId), ' was deleted by ', by);
    case 'account_reinvited':
      return line(
        accountName(tenant, event.previousAccountId),
        ' was re-invited by ',
        by,
        ' as a new account',
      );
    case 'account_roles_changed':
      return line(accountName(tenant, event.accountId), "'s roles were changed by ", by);
    case 'key_created':
      return line(
        named(event.name),
        ` (${SCOPE_LABELS[event.scope]}) was created by `,
        accountName(tenant, event.createdBy),
      );
    case 'key_deleted':
      return line(named(tenant.keys.get(event.keyId)?.name ?? event.keyId), ' was deleted by ', by);
    case 'setting_changed':
      return line(`Key creation was ${event.value ? 'restricted' : 'unrestricted'} by `, by);
    case 'story_created':
    case 'credential_created':
      return line(
        event.type === 'story_created' ? 'Story "' : 'Credential "',
        named(event.name),
        '" was created in ',
        homeParts(tenant, event.teamId, event.draftsOf),
        ' by ',
        by,
      );
    case 'credential_rotated':
      return line(
        'Credential "',
        credentialName(tenant, event.credentialId),
        '" was rotated by ',
        by,
      );
    case 'credential_sharing_changed':
      return line(
        'Credential "',
        credentialName(tenant, event.credentialId),
        `" was shared with ${READ_ACCESS_WORDS[event.readAccess]} by `,
        by,
      );
    case 'credential_deleted':
      return line(
        'Credential "',
        credentialName(tenant, event.credentialId),
        '" was deleted by ',
        by,
      );
    case 'action_added':
      return line(
        'Action "',
        named(event.name),
        '" was added to "',
        storyName(tenant, event.storyId),
        '" by ',
        by,
      );
    case 'action_changed':
      return line('An action of "', storyName(tenant, event.storyId), '" was changed by ', by);
    case 'story_run_recorded': {
      const failed = event.results.filter(
        (result) => result.status === null || result.status >= 400,
      ).length;
      const actions = tenant.stories.get(event.storyId)?.actions ?? [];
      // Each action's status and deciding rule, in order: "Fetch users" 401 (auth.personal-owner-deactivated).
      const each = event.results.flatMap((result, index) => [
        index === 0 ? ': "' : '; "',
        named(actions.find((action) => action.id === result.actionId)?.name ?? result.actionId),
        `" ${result.status ?? 'not sent'} (${result.rule})`,
      ]);
      return line(
        'Story "',
        storyName(tenant, event.storyId),
        `" ran: ${event.results.length - failed} of ${event.results.length} actions answered 2xx, by `,
        by,
        each,
      );
    }
  }
}

const READ_ACCESS_WORDS = {
  TEAM: 'its team only',
  GLOBAL: 'all teams and drafts',
  SPECIFIC_TEAMS: 'specific teams',
} as const;

/** A team by name, or "<name>'s drafts". */
function homeParts(
  tenant: Tenant,
  teamId: string | null,
  draftsOf: string | undefined,
): LinePart[] {
  if (teamId !== null) return line(named(tenant.teams.get(teamId)?.name ?? teamId));
  return line(accountName(tenant, draftsOf ?? ''), "'s drafts");
}

function credentialName(tenant: Tenant, id: string): LinePart[] {
  return line(named(tenant.credentials.get(id)?.name ?? id));
}

function storyName(tenant: Tenant, id: string): LinePart[] {
  return line(named(tenant.stories.get(id)?.name ?? id));
}

/** The parts as plain text, the names as they are. */
export function lineText(parts: readonly LinePart[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : part.name)).join('');
}

/**
 * The line as plain text, as the Timeline's button is named: a view shows it from
 * `describeEventParts`, with the names isolated.
 */
export function describeEvent(tenant: Tenant, event: TenantEvent): string {
  return lineText(describeEventParts(tenant, event));
}

/**
 * The parts for a plain-text notice: each name between FIRST STRONG ISOLATE (U+2068) and POP
 * DIRECTIONAL ISOLATE (U+2069), the text form of `<bdi>`. Names never hold those two (the
 * reducer refuses direction controls), so a name cannot close its isolate early.
 */
export function isolatedText(parts: readonly LinePart[]): string {
  return parts
    .map((part) => (typeof part === 'string' ? part : `\u2068${part.name}\u2069`))
    .join('');
}
