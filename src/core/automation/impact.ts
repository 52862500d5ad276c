/**
 * Impact of deactivating or deleting a set of accounts: the lifecycle events are applied to a
 * copy of the tenant (the what-if engine's way, `changeStatus` + `apply`; never a table), and the
 * chain key -> credential -> action -> story is read before and after (domain.md, "Impact").
 *
 * An action is in the plan when it fails after the change and did not before: it answers 401,
 * or a `<<CREDENTIAL.slug>>` of it no longer resolves. Both sides are judged by `judgeAction`,
 * the run's own resolution and the API's own first checks (run-story.ts), so the plan and a real
 * run agree. Assumed: each action is judged against the tenant right after the change; a story
 * whose earlier actions change accounts (`PUT`/`DELETE /api/v1/admin/users/{id}`) can change what
 * its later actions answer, and the plan does not follow such chains.
 *
 * Speed: only what the change can reach is looked at. A status change alters the verdict of its
 * account's personal keys and (on deletion) deletes its drafts; so the candidates are the
 * credentials holding those keys or living in those drafts, and the actions that resolve to them,
 * read from an index of credential -> actions that is built once per state of the stories and
 * credentials (a lifecycle change leaves both untouched unless drafts go) and memoised.
 */
import { apply } from '../apply';
import { changeStatus } from '../commands';
import type { TenantEvent } from '../events';
import { evaluateKey, type VerdictCode } from '../key-verdict';
import type {
  AccountId,
  ActionId,
  CredentialId,
  HttpAction,
  KeyId,
  Story,
  StoryId,
  TeamId,
  Tenant,
} from '../model';
import { actionReferences, resolveCredential } from './resolve';
import { fails, type Judgement, judgeAction } from './run-story';

export type LifecycleChange = 'deactivate' | 'delete';

export interface ActionRef {
  readonly story: Story;
  readonly action: HttpAction;
}

export interface UsageIndex {
  /** The actions (of live stories) with a reference that resolves to each credential. */
  readonly usersOf: ReadonlyMap<CredentialId, readonly ActionRef[]>;
  /** The live credentials holding each key. */
  readonly holdersOf: ReadonlyMap<KeyId, readonly CredentialId[]>;
}

const indexes = new WeakMap<object, WeakMap<object, UsageIndex>>();

/** Who uses which credential, and which credentials hold which key; memoised per state. */
export function usageIndex(tenant: Tenant): UsageIndex {
  let byCredentials = indexes.get(tenant.stories);
  if (byCredentials === undefined) {
    byCredentials = new WeakMap();
    indexes.set(tenant.stories, byCredentials);
  }
  const cached = byCredentials.get(tenant.credentials);
  if (cached !== undefined) return cached;
  const usersOf = new Map<CredentialId, ActionRef[]>();
  tenant.stories.forEachUnordered((story) => {
    if (story.deletedAt !== null) return;
    for (const action of story.actions) {
      const seen = new Set<CredentialId>();
      for (const slug of actionReferences(action)) {
        const credential = resolveCredential(tenant, story, slug);
        if (credential === null || seen.has(credential.id)) continue;
        seen.add(credential.id);
        const users = usersOf.get(credential.id);
        if (users === undefined) usersOf.set(credential.id, [{ story, action }]);
        else users.push({ story, action });
      }
    }
  });
  const holdersOf = new Map<KeyId, CredentialId[]>();
  tenant.credentials.forEachUnordered((credential) => {
    if (credential.deletedAt !== null || credential.value.kind !== 'key') return;
    const holders = holdersOf.get(credential.value.keyId);
    if (holders === undefined) holdersOf.set(credential.value.keyId, [credential.id]);
    else holders.push(credential.id);
  });
  const index: UsageIndex = { usersOf, holdersOf };
  byCredentials.set(tenant.credentials, index);
  return index;
}

export interface KeyImpact {
  readonly keyId: KeyId;
  /** The verdict after the change: `OWNER_DEACTIVATED` or `OWNER_DELETED`. */
  readonly code: VerdictCode;
  readonly rule: string;
}

/**
 * How a credential breaks: its key answers 401 after the change (`key_refused`); it is deleted
 * with its owner's drafts (`deleted_with_drafts`, S9); or it was already refused and actions fall
 * back to it once the credential they used is gone (`fallback_refused`).
 */
export type CredentialBreak = 'key_refused' | 'deleted_with_drafts' | 'fallback_refused';

export interface CredentialImpact {
  readonly credentialId: CredentialId;
  readonly how: CredentialBreak;
  /** The key it holds (null for an external secret) and that key's verdict code after. */
  readonly keyId: KeyId | null;
  readonly code: VerdictCode | null;
  /** Its team, or null for drafts. */
  readonly teamId: TeamId | null;
  /** The actions of the plan that fail because of it. */
  readonly actions: readonly ActionKey[];
}

export interface ActionKey {
  readonly storyId: StoryId;
  readonly actionId: ActionId;
}

export interface ActionImpact extends ActionKey {
  readonly teamId: TeamId | null;
  readonly draftsOf: AccountId | null;
  readonly before: Judgement;
  /** 401 (with the key's reason code) or unresolved (with why). */
  readonly after: Judgement;
  /** The credential it fails by: the one that vanished, or the one whose key is refused. */
  readonly credentialId: CredentialId | null;
}

export interface StoryImpact {
  readonly storyId: StoryId;
  readonly teamId: TeamId | null;
  readonly draftsOf: AccountId | null;
  /** `actions_fail`: some of its actions fail; `deleted_with_drafts`: it is gone (S9). */
  readonly how: 'actions_fail' | 'deleted_with_drafts';
  readonly failingActions: readonly ActionId[];
}

/** `drafts` groups everything that lives in someone's drafts. */
export type TeamOrDrafts = TeamId | 'drafts';

export interface TeamCounts {
  readonly team: TeamOrDrafts;
  readonly credentials: number;
  readonly actions: number;
  readonly stories: number;
}

export interface Impact {
  readonly change: LifecycleChange;
  /** The accounts the change was asked for, each once, in the order given. */
  readonly accountIds: readonly AccountId[];
  /** Accounts the change could not reach, with the reducer's reason (already at it: not listed). */
  readonly refused: ReadonlyArray<{ readonly accountId: AccountId; readonly reason: string }>;
  /** The lifecycle events, and the tenant after them. */
  readonly events: readonly TenantEvent[];
  readonly after: Tenant;
  readonly keys: readonly KeyImpact[];
  readonly credentials: readonly CredentialImpact[];
  readonly actions: readonly ActionImpact[];
  readonly stories: readonly StoryImpact[];
  readonly perTeam: readonly TeamCounts[];
}

function targetStatus(change: LifecycleChange) {
  return change === 'deactivate' ? 'deactivated' : 'deleted';
}

/** Apply the change to each account in turn; the tenant given is not touched. */
function applyChange(tenant: Tenant, accountIds: readonly AccountId[], change: LifecycleChange) {
  const type = change === 'deactivate' ? 'account_deactivated' : 'account_deleted';
  let after = tenant;
  const events: TenantEvent[] = [];
  const changed: AccountId[] = [];
  const refused: Array<{ accountId: AccountId; reason: string }> = [];
  for (const accountId of accountIds) {
    const account = after.accounts.get(accountId);
    if (account?.status === targetStatus(change)) continue;
    const event = changeStatus(after, type, accountId);
    const result = apply(after, event);
    if (!result.ok) {
      refused.push({ accountId, reason: result.refusal.reason });
      continue;
    }
    after = result.tenant;
    events.push(event);
    changed.push(accountId);
  }
  return { after, events, changed, refused };
}

/**
 * What deactivating or deleting these accounts breaks. `events` is the log that made `tenant`
 * (kept for symmetry with the API and runs; the judgement needs only the tenant).
 */
export function impactOf(
  tenant: Tenant,
  _events: readonly TenantEvent[],
  accountIds: readonly AccountId[],
  change: LifecycleChange,
): Impact {
  const ids = [...new Set(accountIds)];
  const { after, events, changed, refused } = applyChange(tenant, ids, change);
  const index = usageIndex(tenant);

  const keys: KeyImpact[] = [];
  const broken = new Map<CredentialId, { how: CredentialBreak; keyId: KeyId | null }>();
  const stories: StoryImpact[] = [];
  for (const accountId of changed) {
    for (const keyId of tenant.keysByCreator.get(accountId) ?? []) {
      const before = evaluateKey(tenant, keyId);
      const now = evaluateKey(after, keyId);
      if (before.status !== 200 || now.status !== 401) continue;
      keys.push({ keyId, code: now.code, rule: now.rule.id });
      for (const credentialId of index.holdersOf.get(keyId) ?? []) {
        if (!broken.has(credentialId)) broken.set(credentialId, { how: 'key_refused', keyId });
      }
    }
    if (change !== 'delete') continue;
    for (const id of tenant.drafts.get(accountId) ?? []) {
      const credential = tenant.credentials.get(id);
      if (credential !== undefined && credential.deletedAt === null) {
        const keyId = credential.value.kind === 'key' ? credential.value.keyId : null;
        broken.set(id, { how: 'deleted_with_drafts', keyId });
      }
      const story = tenant.stories.get(id);
      if (story !== undefined && story.deletedAt === null) {
        stories.push({
          storyId: id,
          teamId: null,
          draftsOf: accountId,
          how: 'deleted_with_drafts',
          failingActions: [],
        });
      }
    }
  }

  // Actions that resolve to a candidate credential now: the only ones the change can reach.
  const actions: ActionImpact[] = [];
  const judged = new Set<string>();
  for (const credentialId of [...broken.keys()]) {
    for (const { story, action } of index.usersOf.get(credentialId) ?? []) {
      const id = `${story.id}\u0000${action.id}`;
      if (judged.has(id)) continue;
      judged.add(id);
      const storyAfter = after.stories.get(story.id);
      if (storyAfter === undefined || storyAfter.deletedAt !== null) continue;
      const afterJudgement = judgeAction(after, storyAfter, action);
      if (!fails(afterJudgement)) continue;
      const beforeJudgement = judgeAction(tenant, story, action);
      if (fails(beforeJudgement)) continue;
      const blamed = blame(tenant, story, beforeJudgement, afterJudgement);
      if (blamed !== null && !broken.has(blamed)) {
        // Already refused, and used now only because the one before it is gone.
        const credential = after.credentials.get(blamed);
        const keyId = credential?.value.kind === 'key' ? credential.value.keyId : null;
        broken.set(blamed, { how: 'fallback_refused', keyId });
      }
      actions.push({
        storyId: story.id,
        actionId: action.id,
        teamId: story.teamId,
        draftsOf: story.draftsOf,
        before: beforeJudgement,
        after: afterJudgement,
        credentialId: blamed,
      });
    }
  }

  const actionsBy = new Map<CredentialId, ActionKey[]>();
  for (const action of actions) {
    if (action.credentialId === null) continue;
    const list = actionsBy.get(action.credentialId) ?? [];
    list.push({ storyId: action.storyId, actionId: action.actionId });
    actionsBy.set(action.credentialId, list);
  }
  const credentials: CredentialImpact[] = [];
  for (const [credentialId, { how, keyId }] of broken) {
    const credential = tenant.credentials.get(credentialId);
    credentials.push({
      credentialId,
      how,
      keyId,
      code: keyId === null ? null : evaluateKey(after, keyId).code,
      teamId: credential?.teamId ?? null,
      actions: actionsBy.get(credentialId) ?? [],
    });
  }

  const failingByStory = new Map<StoryId, ActionImpact[]>();
  for (const action of actions) {
    const list = failingByStory.get(action.storyId) ?? [];
    list.push(action);
    failingByStory.set(action.storyId, list);
  }
  for (const [storyId, list] of failingByStory) {
    const first = list[0] as ActionImpact;
    stories.push({
      storyId,
      teamId: first.teamId,
      draftsOf: first.draftsOf,
      how: 'actions_fail',
      failingActions: list.map((action) => action.actionId),
    });
  }

  return {
    change,
    accountIds: ids,
    refused,
    events,
    after,
    keys,
    credentials,
    actions,
    stories,
    perTeam: countsPerTeam(credentials, actions, stories),
  };
}

/**
 * The credential an action fails by. Unresolved: the one it resolved to before (now gone). A 401:
 * the one that presented the refused key (null when the key came from no credential).
 */
function blame(
  tenant: Tenant,
  story: Story,
  before: Judgement,
  after: Judgement,
): CredentialId | null {
  if (after.kind === 'unresolved') {
    return resolveCredential(tenant, story, after.slug)?.id ?? after.credentialId;
  }
  if (after.kind === 'refused') return after.credentialId;
  return before.kind === 'accepted' ? before.credentialId : null;
}

function countsPerTeam(
  credentials: readonly CredentialImpact[],
  actions: readonly ActionImpact[],
  stories: readonly StoryImpact[],
): TeamCounts[] {
  const counts = new Map<TeamOrDrafts, { credentials: number; actions: number; stories: number }>();
  const bump = (team: TeamId | null, field: 'credentials' | 'actions' | 'stories') => {
    const key: TeamOrDrafts = team ?? 'drafts';
    const entry = counts.get(key) ?? { credentials: 0, actions: 0, stories: 0 };
    entry[field]++;
    counts.set(key, entry);
  };
  for (const credential of credentials) bump(credential.teamId, 'credentials');
  for (const action of actions) bump(action.teamId, 'actions');
  for (const story of stories) bump(story.teamId, 'stories');
  return [...counts]
    .map(([team, entry]) => ({ team, ...entry }))
    .sort((a, b) =>
      a.team === 'drafts' ? 1 : b.team === 'drafts' ? -1 : a.team.localeCompare(b.team),
    );
}

/**
 * Nothing the change breaks is in use: no action fails. Keys, unused credentials and the
 * person's own drafts stories may still be listed: a personal key of someone leaving always stops
 * working, and their drafts go with them on deletion whatever is done first.
 */
export function planIsClear(impact: Impact): boolean {
  return impact.actions.length === 0;
}
