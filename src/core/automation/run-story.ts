/**
 * Running a story: each HTTP Request action, in order, resolves its `<<CREDENTIAL.slug>>`
 * references at run time [documented S13], puts the secrets in, and sends its request through the
 * simulated API (`handleApiRequest`, the same pure function the browser's service worker calls).
 * The response is the action's emitted event [documented S14; its shape assumed in domain.md].
 *
 * Decided here (assumed, and in the README's list):
 * - A reference that resolves to nothing: the action is not sent; its status is null and the
 *   reason says why (deleted, deleted with its owner's drafts, not shared with the story's team).
 * - A credential holding a secret of another service: the simulator answers only for this tenant's
 *   API and cannot judge a foreign one, so an action whose credentials are all external is not
 *   sent (status null, `external`). Mixed with a key, the external secret travels as a placeholder
 *   and the key decides.
 * - A run applies the events its actions cause (a `POST /api/v1/stories` makes a story), as the
 *   browser's API does: each action is answered by the tenant as the earlier actions left it.
 */

import type { ApiRequest, ApiResponse } from '../api/api-types';
import { authenticate } from '../api/authenticate';
import { credentialsOf, handleApiRequest, routeRequest } from '../api/handle-request';
import { apply } from '../apply';
import type { TenantEvent } from '../events';
import type {
  ActionId,
  ActionResult,
  CredentialId,
  HttpAction,
  KeyId,
  Story,
  StoryId,
  Tenant,
} from '../model';
import { assumed, type RuleRef } from '../rule-sources';
import { resolveCredential, type UnresolvedReason, whyUnresolved } from './resolve';

export const RUN_RULES = {
  unresolved: {
    id: 'run.credential-unresolved',
    summary:
      'An action whose <<CREDENTIAL.slug>> resolves to no credential the story may use is not sent.',
    source: assumed(
      'S11 and S13 say where a credential can be used and how it is referenced; what the action then emits is not documented.',
    ),
  },
  external: {
    id: 'run.external-secret',
    summary:
      'An action whose credentials hold secrets of another service is not judged: the simulator answers only for this tenant’s API.',
    source: assumed('The console never breaks a secret of another service (domain.md).'),
  },
} as const satisfies Record<string, RuleRef>;

const REFERENCE = /<<CREDENTIAL\.([a-z0-9_]+)>>/g;

/** What one reference of an action resolved to at run time. */
export interface ResolvedReference {
  readonly slug: string;
  readonly credentialId: CredentialId;
  /** The key the credential holds; null for an external secret. */
  readonly keyId: KeyId | null;
}

/** An action made ready to send, or why it is not sent. */
export type PreparedAction =
  | {
      readonly kind: 'unresolved';
      readonly slug: string;
      readonly reason: UnresolvedReason;
      /** The credential concerned (the deleted one, or one not shared), if any. */
      readonly credentialId: CredentialId | null;
      readonly resolved: readonly ResolvedReference[];
    }
  | { readonly kind: 'external'; readonly resolved: readonly ResolvedReference[] }
  | {
      readonly kind: 'send';
      readonly request: ApiRequest;
      readonly resolved: readonly ResolvedReference[];
    };

/** What an external secret becomes in a request: visibly not a Tines key. */
export function externalPlaceholder(slug: string): string {
  return `external-secret:${slug}`;
}

/**
 * The request an action sends, its texts' references replaced by `secretOf(slug)`. Header names
 * are lower-cased as the Fetch API gives them; two spellings of one name are joined by ", " as
 * `Headers` joins them.
 */
export function buildRequest(action: HttpAction, secretOf: (slug: string) => string): ApiRequest {
  const fill = (text: string) => text.replace(REFERENCE, (_, slug: string) => secretOf(slug));
  // No prototype: a header named __proto__ or constructor is a header like any other.
  const headers: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(action.headers)) {
    const lower = name.toLowerCase();
    const filled = fill(value);
    headers[lower] = headers[lower] === undefined ? filled : `${headers[lower]}, ${filled}`;
  }
  return {
    method: action.method,
    url: fill(action.path),
    headers,
    body: action.body === null ? null : fill(action.body),
  };
}

/** Resolve an action's references in its story, now, and build its request. */
export function prepareAction(
  tenant: Tenant,
  story: Pick<Story, 'teamId' | 'draftsOf'>,
  action: HttpAction,
): PreparedAction {
  const resolved: ResolvedReference[] = [];
  const secrets = new Map<string, string>();
  for (const slug of referencedSlugs(action)) {
    const credential = resolveCredential(tenant, story, slug);
    if (credential === null) {
      const why = whyUnresolved(tenant, story, slug);
      return {
        kind: 'unresolved',
        slug,
        reason: why.reason,
        credentialId: why.credential?.id ?? null,
        resolved,
      };
    }
    const keyId = credential.value.kind === 'key' ? credential.value.keyId : null;
    resolved.push({ slug, credentialId: credential.id, keyId });
    secrets.set(
      slug,
      keyId === null ? externalPlaceholder(slug) : (tenant.keys.get(keyId)?.secret ?? ''),
    );
  }
  if (resolved.length > 0 && resolved.every((reference) => reference.keyId === null)) {
    return { kind: 'external', resolved };
  }
  return {
    kind: 'send',
    request: buildRequest(action, (slug) => secrets.get(slug) ?? ''),
    resolved,
  };
}

/** The slugs an action references in its path, headers and body, each once, in order. */
function referencedSlugs(action: HttpAction): string[] {
  const texts = [action.path, ...Object.values(action.headers), action.body ?? ''];
  const slugs = new Set<string>();
  for (const text of texts)
    for (const match of text.matchAll(REFERENCE)) slugs.add(match[1] as string);
  return [...slugs];
}

/**
 * How an action answered, or why it was not sent. `code` is the response's error code (the key's
 * verdict code on a 401: `OWNER_DEACTIVATED`, ...), null on success; `credentialId` and `keyId`
 * name the credential and key that authenticated the request, when one did.
 */
export type ActionOutcome =
  | {
      readonly kind: 'unresolved';
      readonly status: null;
      readonly rule: string;
      readonly slug: string;
      readonly reason: UnresolvedReason;
      readonly credentialId: CredentialId | null;
    }
  | {
      readonly kind: 'external';
      readonly status: null;
      readonly rule: string;
      readonly credentialIds: readonly CredentialId[];
    }
  | {
      readonly kind: 'answered';
      readonly status: number;
      readonly rule: string;
      readonly code: string | null;
      readonly credentialId: CredentialId | null;
      readonly keyId: KeyId | null;
    };

export interface ActionRun {
  readonly actionId: ActionId;
  readonly name: string;
  readonly outcome: ActionOutcome;
  /** The request as sent (secrets filled in); null when it was not sent. */
  readonly request: ApiRequest | null;
  /** The response: the event the action emits [S14]; null when it was not sent. */
  readonly response: ApiResponse | null;
}

export type StoryRunOutcome =
  | {
      readonly ok: true;
      readonly storyId: StoryId;
      readonly actions: readonly ActionRun[];
      /** The events the actions' requests caused, in order, each accepted in turn. */
      readonly events: readonly TenantEvent[];
      /** The tenant after those events (the input tenant when there were none). */
      readonly tenant: Tenant;
    }
  | { readonly ok: false; readonly reason: string };

function errorCode(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** The credential whose key the API says authenticated the request (`x-simulator-key`). */
function presenter(resolved: readonly ResolvedReference[], keyId: KeyId | null) {
  if (keyId === null) return null;
  return resolved.find((reference) => reference.keyId === keyId)?.credentialId ?? null;
}

export function outcomeOf(prepared: PreparedAction, response: ApiResponse | null): ActionOutcome {
  switch (prepared.kind) {
    case 'unresolved':
      return {
        kind: 'unresolved',
        status: null,
        rule: RUN_RULES.unresolved.id,
        slug: prepared.slug,
        reason: prepared.reason,
        credentialId: prepared.credentialId,
      };
    case 'external':
      return {
        kind: 'external',
        status: null,
        rule: RUN_RULES.external.id,
        credentialIds: prepared.resolved.map((reference) => reference.credentialId),
      };
    case 'send': {
      if (response === null) throw new Error('a sent action needs its response');
      const keyId = response.headers['x-simulator-key'] ?? null;
      return {
        kind: 'answered',
        status: response.status,
        rule: response.headers['x-simulator-rule'] ?? '',
        code: response.status >= 400 ? errorCode(response.body) : null,
        credentialId: presenter(prepared.resolved, keyId),
        keyId,
      };
    }
  }
}

/** One action's part of a run: how it answered (or why it was not sent), and what went out. */
export function actionRun(
  action: HttpAction,
  prepared: PreparedAction,
  response: ApiResponse | null,
): ActionRun {
  return {
    actionId: action.id,
    name: action.name,
    outcome: outcomeOf(prepared, response),
    request: prepared.kind === 'send' ? prepared.request : null,
    response,
  };
}

/**
 * Run a story's actions in order against the tenant and its log. Pure: the caller appends the
 * returned events (and a `story_run_recorded` built from `actionResults`) to its log.
 */
export function runStory(
  tenant: Tenant,
  events: readonly TenantEvent[],
  storyId: StoryId,
): StoryRunOutcome {
  const story = tenant.stories.get(storyId);
  if (story === undefined) return { ok: false, reason: `There is no story "${storyId}".` };
  if (story.deletedAt !== null) return { ok: false, reason: `${story.name} is deleted.` };
  let current = tenant;
  let log = events;
  const caused: TenantEvent[] = [];
  const actions: ActionRun[] = [];
  for (const action of story.actions) {
    const prepared = prepareAction(current, story, action);
    if (prepared.kind !== 'send') {
      actions.push(actionRun(action, prepared, null));
      continue;
    }
    const answer = handleApiRequest({ tenant: current, events: log }, prepared.request);
    for (const event of answer.events) {
      // handleApiRequest returns events it has already applied in turn; re-applying cannot refuse.
      const result = apply(current, event);
      if (!result.ok) throw new Error(`API event refused on replay: ${result.refusal.reason}`);
      current = result.tenant;
      caused.push(event);
    }
    if (answer.events.length > 0) log = [...log, ...answer.events];
    actions.push(actionRun(action, prepared, answer.response));
  }
  return { ok: true, storyId, actions, events: caused, tenant: current };
}

/**
 * Each action's status and deciding rule, for `recordStoryRun`. An action that was not sent has
 * status null: the reducer's `story_run_recorded` takes HTTP statuses only today (see the report).
 */
export function actionResults(
  actions: readonly ActionRun[],
): Array<Omit<ActionResult, 'status'> & { readonly status: number | null }> {
  return actions.map((run) => ({
    actionId: run.actionId,
    status: run.outcome.status,
    rule: run.outcome.rule,
  }));
}

// --- Judging without sending: what the plan uses ----------------------------------------------

/**
 * What an action would get from the API as far as authentication: the first checks of
 * `handleApiRequest`, in its order (size 414/431/413, method 400, route 404/405, then
 * credentials 401: the handler's own `routeRequest` and `credentialsOf`), and nothing after. The
 * plan needs only this (a lifecycle change moves an action between "accepted" and 401), and it
 * must not pay for the rest: an accepted `GET /api/v1/admin/users` walks every account. The
 * property tests hold this to `handleApiRequest` on random tenants.
 */
export type Judgement =
  | Extract<ActionOutcome, { kind: 'unresolved' } | { kind: 'external' }>
  | {
      readonly kind: 'refused';
      readonly status: number;
      readonly rule: string;
      readonly code: string;
      readonly credentialId: CredentialId | null;
      readonly keyId: KeyId | null;
    }
  | {
      /** The key is accepted: the answer is 200, or 403, 400, 404, 409 by the request. */
      readonly kind: 'accepted';
      readonly credentialId: CredentialId | null;
      readonly keyId: KeyId;
    };

export function judgePrepared(tenant: Tenant, prepared: PreparedAction): Judgement {
  if (prepared.kind !== 'send') {
    return outcomeOf(prepared, null) as Extract<Judgement, { kind: 'unresolved' | 'external' }>;
  }
  const { request } = prepared;
  // The handler's own checks before the key (size, method, route) and its reading of the key.
  const routed = routeRequest(request);
  if ('refused' in routed) {
    const { response } = routed.refused;
    return {
      kind: 'refused',
      status: response.status,
      rule: response.headers['x-simulator-rule'] ?? '',
      code: (response.body as { error: { code: string } }).error.code,
      credentialId: null,
      keyId: null,
    };
  }
  const credentials = credentialsOf(request.headers);
  if ('problem' in credentials) {
    return {
      kind: 'refused',
      status: 401,
      rule: 'api.no-credentials',
      code: 'NO_CREDENTIALS',
      credentialId: null,
      keyId: null,
    };
  }
  const { key, verdict } = authenticate(tenant, credentials.secret);
  const keyId = key?.id ?? null;
  const credentialId = presenter(prepared.resolved, keyId);
  if (key === undefined || verdict.status === 401) {
    return {
      kind: 'refused',
      status: 401,
      rule: verdict.rule.id,
      code: verdict.code,
      credentialId,
      keyId,
    };
  }
  return { kind: 'accepted', credentialId, keyId: key.id };
}

/** Judge one action of a story against a tenant, without sending it. */
export function judgeAction(
  tenant: Tenant,
  story: Pick<Story, 'teamId' | 'draftsOf'>,
  action: HttpAction,
): Judgement {
  return judgePrepared(tenant, prepareAction(tenant, story, action));
}

/** An action fails in the plan's sense: it answers 401, or a reference no longer resolves. */
export function fails(outcome: ActionOutcome | Judgement): boolean {
  return outcome.kind === 'unresolved' || ('status' in outcome && outcome.status === 401);
}
