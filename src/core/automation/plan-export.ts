/**
 * The offboarding plan as rows and as files. The Offboarding view draws these rows and the
 * exports write the same ones, so a change ticket says exactly what the screen said: the chain
 * key -> credential -> action -> story (domain.md, "Impact"), the counts per team, and each
 * breaking credential's proposed fix and who may make it (domain.md, "Fixing before
 * offboarding").
 *
 * Every export is a pure function of the tenant, the impact and the fixes: no export time, no
 * locale, rows in the impact's order, so the same state gives the same bytes. Names are user
 * input: CSV fields go through `csvField` (formula-safe, RFC 4180) and Markdown cells through
 * `markdownText` (escaped, one line), exactly as the matrix exports do. Secrets are never written.
 */
import { type LinePart, lineText } from '../describe';
import type { VerdictCode } from '../key-verdict';
import { csvField, markdownText } from '../matrix-export';
import {
  type AccountId,
  type ReadAccess,
  SCOPE_LABELS,
  STATUS_LABELS,
  TEAM_ROLE_LABELS,
  type TeamId,
  type Tenant,
} from '../model';
import { placeName } from '../place';
import type { Fix, FixKey, Need, Placement } from './advisor';
import type { CredentialBreak, Impact, LifecycleChange } from './impact';
import { UNRESOLVED_LABELS } from './resolve';

export interface PlanPerson {
  readonly accountId: AccountId;
  readonly name: string;
  readonly email: string;
  /** "Will be deactivated", "Already deleted", or "Refused: <the reducer's reason>". */
  readonly outcome: string;
}

export interface PlanRefusal {
  readonly accountId: AccountId;
  readonly name: string;
  readonly email: string;
  readonly reason: string;
}

export interface PlanKeyRow {
  readonly keyId: string;
  readonly name: string;
  /** "Personal". */
  readonly scope: string;
  /** "Jane Tino <jane.tino@…>", or the account id when the creator is unknown. */
  readonly creator: string;
  readonly code: VerdictCode;
  /** "401 OWNER_DEACTIVATED". */
  readonly result: string;
}

export interface PlanCredentialRow {
  readonly credentialId: string;
  readonly name: string;
  /** The team, or "<name>'s drafts". */
  readonly where: string;
  /** "Jane personal · Personal · Jane Tino", or "External secret". */
  readonly holds: string;
  readonly how: CredentialBreak;
  /** "Its key answers 401 OWNER_DELETED", "Deleted with its owner’s drafts", … */
  readonly result: string;
  readonly actions: number;
  readonly stories: number;
}

export interface PlanActionRow {
  /** `<story id>/<action id>`: unique in a plan. */
  readonly id: string;
  readonly storyId: string;
  readonly actionId: string;
  readonly story: string;
  readonly action: string;
  readonly where: string;
  /** The credential it fails by (its name), or the slug it references when none is known. */
  readonly credential: string;
  /** "401 OWNER_DEACTIVATED", or "Credential no longer resolves: <why>". */
  readonly result: string;
}

export interface PlanStoryRow {
  readonly storyId: string;
  readonly name: string;
  readonly where: string;
  /** "2 of 2 actions fail", or "Deleted with its owner’s drafts". */
  readonly result: string;
}

export interface PlanTeamRow {
  /** A team id, or `drafts` for everything in anyone's drafts (grouped). */
  readonly team: TeamId | 'drafts';
  readonly name: string;
  readonly credentials: number;
  readonly actions: number;
  readonly stories: number;
}

export interface PlanFixRow {
  readonly credentialId: string;
  readonly credential: string;
  readonly where: string;
  /** "Tenant owner key", "Team key: Team Automation (Viewer)", "Service key: AUDIT_LOG_READ". */
  readonly key: string;
  /** The name the new key gets (null when no key is made: an external secret). */
  readonly keyName: string | null;
  /** "Rotate it to the new key", or "Re-create it in Team SecOps, its team only". */
  readonly placement: string;
  /** What each action it serves needs: "Fetch users: a tenant owner key; …". */
  readonly needs: string;
  /** Who may make it: "Alex Morgan <alex.morgan@…>"; null when no one may. */
  readonly creator: string | null;
  /** Why no active account may make it (null when `creator` is set). */
  readonly refusal: string | null;
  /** The Apply button's name: "Apply fix for <credential>", unique in the plan. */
  readonly applyLabel: string;
}

/** What the change breaks, level by level; the same rows the view draws. */
export interface PlanChain {
  readonly change: LifecycleChange;
  readonly people: readonly PlanPerson[];
  readonly refused: readonly PlanRefusal[];
  readonly keys: readonly PlanKeyRow[];
  readonly credentials: readonly PlanCredentialRow[];
  readonly actions: readonly PlanActionRow[];
  readonly stories: readonly PlanStoryRow[];
  readonly perTeam: readonly PlanTeamRow[];
  /** No action fails after the change (`planIsClear`). */
  readonly clear: boolean;
  /** The change reaches no one: everyone picked is already at it, or refused. */
  readonly nothingToDo: boolean;
  readonly summary: readonly LinePart[];
}

export interface PlanDocument extends PlanChain {
  readonly tenant: { readonly name: string; readonly domain: string };
  readonly fixes: readonly PlanFixRow[];
}

const DRAFTS_NAME = 'Drafts';

function personText(tenant: Tenant, accountId: AccountId): string {
  const account = tenant.accounts.get(accountId);
  return account === undefined ? accountId : `${account.name} <${account.email}>`;
}

/** "1,766": counts read the same in every locale (the view's `formatCount`). */
const NUMBER = new Intl.NumberFormat('en-US');

function count(n: number, one: string, many: string): string {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
}

const VERB: Readonly<Record<LifecycleChange, { readonly ing: string; readonly done: string }>> = {
  deactivate: { ing: 'deactivating', done: 'deactivated' },
  delete: { ing: 'deleting', done: 'deleted' },
};

/** The change as the view's radio buttons name it. */
export const CHANGE_LABELS: Readonly<Record<LifecycleChange, string>> = {
  deactivate: 'Deactivate',
  delete: 'Delete',
};

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Jane Tino", "Jane Tino and Sam Patel", "Jane, Sam and Eli", or "12 people". */
function whoParts(names: readonly string[]): LinePart[] {
  if (names.length > 3) return [count(names.length, 'person', 'people')];
  const parts: LinePart[] = [];
  names.forEach((name, index) => {
    if (index > 0) parts.push(index === names.length - 1 ? ' and ' : ', ');
    parts.push({ name });
  });
  return parts;
}

function summaryOf(
  change: LifecycleChange,
  names: readonly string[],
  impact: Impact,
  counts: { keys: number; credentials: number; actions: number; stories: number },
): LinePart[] {
  const verb = VERB[change];
  const who = whoParts(names);
  if (impact.events.length === 0) {
    return impact.refused.length === 0
      ? [`Nothing to do: everyone picked is already ${verb.done}.`]
      : ['Nothing to do: the change reaches no one picked (see why below).'];
  }
  if (impact.actions.length === 0) {
    const still: string[] = [];
    if (counts.keys > 0) still.push(`${count(counts.keys, 'key answers', 'keys answer')} 401`);
    if (counts.credentials > 0) {
      still.push(`${count(counts.credentials, 'credential goes', 'credentials go')}`);
    }
    return [
      `Nothing breaks: no action fails after ${verb.ing} `,
      ...who,
      still.length === 0 ? '.' : ` (${still.join(' and ')}, but nothing uses them).`,
    ];
  }
  return [
    `${capitalised(verb.ing)} `,
    ...who,
    `: ${count(counts.keys, 'key answers', 'keys answer')} 401, ${count(
      counts.credentials,
      'credential breaks',
      'credentials break',
    )}, ${count(counts.actions, 'action fails', 'actions fail')}, ${count(
      counts.stories,
      'story is',
      'stories are',
    )} affected.`,
  ];
}

const HOW_TEXT: Readonly<Record<CredentialBreak, (code: VerdictCode | null) => string>> = {
  key_refused: (code) => `Its key answers 401 ${code ?? ''}`.trimEnd(),
  deleted_with_drafts: () => 'Deleted with its owner’s drafts',
  fallback_refused: (code) =>
    `Its key already answers 401 ${code ?? ''}; used once the credential before it is gone`,
};

/** The chain the change breaks, as rows (pure). `impact` must have been computed on `tenant`. */
export function planChain(tenant: Tenant, impact: Impact): PlanChain {
  const changed = new Set(
    impact.events.map((event) => ('accountId' in event ? event.accountId : '')),
  );
  const refusedBy = new Map(impact.refused.map((each) => [each.accountId, each.reason]));
  const verb = VERB[impact.change];
  const people: PlanPerson[] = impact.accountIds.map((accountId) => {
    const account = tenant.accounts.get(accountId);
    const refusal = refusedBy.get(accountId);
    return {
      accountId,
      name: account?.name ?? accountId,
      email: account?.email ?? '',
      outcome:
        refusal !== undefined
          ? `Refused: ${refusal}`
          : changed.has(accountId)
            ? `Will be ${verb.done}`
            : `Already ${account === undefined ? verb.done : STATUS_LABELS[account.status].toLowerCase()}`,
    };
  });
  const refused: PlanRefusal[] = impact.refused.map(({ accountId, reason }) => {
    const account = tenant.accounts.get(accountId);
    return { accountId, name: account?.name ?? accountId, email: account?.email ?? '', reason };
  });

  const keys: PlanKeyRow[] = impact.keys.map(({ keyId, code }) => {
    const key = tenant.keys.get(keyId);
    return {
      keyId,
      name: key?.name ?? keyId,
      scope: key === undefined ? '' : SCOPE_LABELS[key.scope],
      creator: key === undefined ? '' : personText(tenant, key.createdBy),
      code,
      result: `401 ${code}`,
    };
  });

  const credentials: PlanCredentialRow[] = impact.credentials.map((broken) => {
    const credential = tenant.credentials.get(broken.credentialId);
    const key = broken.keyId === null ? undefined : tenant.keys.get(broken.keyId);
    const creator = key === undefined ? undefined : tenant.accounts.get(key.createdBy);
    return {
      credentialId: broken.credentialId,
      name: credential?.name ?? broken.credentialId,
      where: credential === undefined ? '' : placeName(tenant, credential),
      holds:
        key === undefined
          ? 'External secret'
          : `${key.name} · ${SCOPE_LABELS[key.scope]} · ${creator?.name ?? key.createdBy}`,
      how: broken.how,
      result: HOW_TEXT[broken.how](broken.code),
      actions: broken.actions.length,
      stories: new Set(broken.actions.map((action) => action.storyId)).size,
    };
  });

  const actions: PlanActionRow[] = impact.actions.map((failing) => {
    const story = tenant.stories.get(failing.storyId);
    const action = story?.actions.find((each) => each.id === failing.actionId);
    const after = failing.after;
    const credential =
      failing.credentialId === null ? undefined : tenant.credentials.get(failing.credentialId);
    const slug = after.kind === 'unresolved' ? after.slug : '';
    return {
      id: `${failing.storyId}/${failing.actionId}`,
      storyId: failing.storyId,
      actionId: failing.actionId,
      story: story?.name ?? failing.storyId,
      action: action?.name ?? failing.actionId,
      where: placeName(tenant, failing),
      credential: credential?.name ?? slug,
      result:
        after.kind === 'refused'
          ? `${after.status} ${after.code}`
          : after.kind === 'unresolved'
            ? `Credential no longer resolves: ${UNRESOLVED_LABELS[after.reason]}`
            : '',
    };
  });

  const stories: PlanStoryRow[] = impact.stories.map((affected) => {
    const story = tenant.stories.get(affected.storyId);
    return {
      storyId: affected.storyId,
      name: story?.name ?? affected.storyId,
      where: placeName(tenant, affected),
      result:
        affected.how === 'deleted_with_drafts'
          ? 'Deleted with its owner’s drafts'
          : `${affected.failingActions.length} of ${count(story?.actions.length ?? 0, 'action', 'actions')} fail${affected.failingActions.length === 1 ? 's' : ''}`,
    };
  });

  const perTeam: PlanTeamRow[] = impact.perTeam.map((entry) => ({
    ...entry,
    name:
      entry.team === 'drafts' ? DRAFTS_NAME : (tenant.teams.get(entry.team)?.name ?? entry.team),
  }));

  const names = people.map((person) => person.name);
  return {
    change: impact.change,
    people,
    refused,
    keys,
    credentials,
    actions,
    stories,
    perTeam,
    clear: impact.actions.length === 0,
    nothingToDo: impact.events.length === 0,
    summary: summaryOf(impact.change, names, impact, {
      keys: keys.length,
      credentials: credentials.length,
      actions: actions.length,
      stories: stories.length,
    }),
  };
}

function teamNames(tenant: Tenant, ids: readonly TeamId[]): string {
  return ids.map((id) => tenant.teams.get(id)?.name ?? id).join(', ');
}

/** The key a fix makes, in words. */
export function fixKeyText(tenant: Tenant, key: FixKey | null): string {
  if (key === null) return 'No key: someone who knows the external secret enters it again';
  switch (key.scope) {
    case 'tenant_owner':
      return 'Tenant owner key';
    case 'service':
      return `Service key: ${key.permissions.join(', ')}`;
    case 'team':
      return `Team key: ${Object.entries(key.teamRoles)
        .map(
          ([teamId, role]) =>
            `${tenant.teams.get(teamId)?.name ?? teamId} (${TEAM_ROLE_LABELS[role]})`,
        )
        .join(', ')}`;
  }
}

const SHARING: Readonly<Record<ReadAccess, string>> = {
  TEAM: 'its team only',
  GLOBAL: 'shared with all teams & drafts',
  SPECIFIC_TEAMS: 'shared with',
};

function placementText(tenant: Tenant, placement: Placement, hasKey: boolean): string {
  if (placement.kind === 'rotate') {
    return hasKey ? 'Rotate it to the new key (same name, same place)' : 'Enter its secret again';
  }
  const team = tenant.teams.get(placement.teamId)?.name ?? placement.teamId;
  const sharing =
    placement.readAccess === 'SPECIFIC_TEAMS'
      ? `${SHARING.SPECIFIC_TEAMS} ${teamNames(tenant, placement.sharedTeams)}`
      : SHARING[placement.readAccess];
  return `Re-create it in ${team}, ${sharing}`;
}

function needText(tenant: Tenant, need: Need): string {
  switch (need.kind) {
    case 'team':
      return `${TEAM_ROLE_LABELS[need.role]} on ${tenant.teams.get(need.teamId)?.name ?? need.teamId}`;
    case 'service':
      return need.permission;
    case 'owner':
      return 'a tenant owner key';
    case 'none':
      return 'no key serves it';
  }
}

/**
 * The proposed fixes as rows. Each Apply button needs a name of its own: the credential's name,
 * then where it lives when two fixes share a name, then its id when even that is shared.
 */
export function planFixes(tenant: Tenant, fixes: readonly Fix[]): PlanFixRow[] {
  const rows = fixes.map((fix) => {
    const credential = tenant.credentials.get(fix.credentialId);
    const needs = fix.needs.map(({ storyId, actionId, need }) => {
      const story = tenant.stories.get(storyId);
      const action = story?.actions.find((each) => each.id === actionId);
      return `${story?.name ?? storyId} › ${action?.name ?? actionId}: ${needText(tenant, need)}`;
    });
    const refusal =
      fix.refusal === null || fix.refusal.startsWith('No active account')
        ? fix.refusal
        : `No active account may create it: ${fix.refusal}`;
    return {
      credentialId: fix.credentialId,
      credential: fix.credentialName,
      where: credential === undefined ? '' : placeName(tenant, credential),
      key: fixKeyText(tenant, fix.key),
      keyName: fix.key === null ? null : fix.keyName,
      placement: placementText(tenant, fix.placement, fix.key !== null),
      needs: needs.join('; '),
      creator: fix.creator === null ? null : personText(tenant, fix.creator),
      refusal: fix.creator === null ? refusal : null,
      applyLabel: '',
    };
  });
  const tally = (labels: readonly string[]) => {
    const seen = new Map<string, number>();
    for (const label of labels) seen.set(label, (seen.get(label) ?? 0) + 1);
    return seen;
  };
  const byName = tally(rows.map((row) => row.credential));
  const withPlace = rows.map((row) =>
    (byName.get(row.credential) ?? 0) > 1 ? `${row.credential} (${row.where})` : row.credential,
  );
  const byPlace = tally(withPlace);
  return rows.map((row, index) => {
    const label = withPlace[index] as string;
    const unique = (byPlace.get(label) ?? 0) > 1 ? `${label} [${row.credentialId}]` : label;
    return { ...row, applyLabel: `Apply fix for ${unique}` };
  });
}

/** The whole plan: the chain and the fixes. */
export function planDocument(tenant: Tenant, impact: Impact, fixes: readonly Fix[]): PlanDocument {
  return {
    tenant: { name: tenant.name, domain: tenant.domain },
    ...planChain(tenant, impact),
    fixes: planFixes(tenant, fixes),
  };
}

// ---------------------------------------------------------------------------------------------
// Files

function fixText(fix: PlanFixRow): string {
  return `${fix.key}${fix.keyName === null ? '' : ` named "${fix.keyName}"`}; ${fix.placement}`;
}

function whoText(fix: PlanFixRow | undefined): string {
  if (fix === undefined) return '';
  return fix.creator ?? fix.refusal ?? '';
}

function teamCounts(team: PlanTeamRow): string {
  return `${count(team.credentials, 'credential', 'credentials')}, ${count(team.actions, 'action', 'actions')}, ${count(team.stories, 'story', 'stories')}`;
}

const CSV_HEADER = [
  'Level',
  'Name',
  'Team or drafts',
  'Detail',
  'Result',
  'Proposed fix',
  'Who can make it',
] as const;

/** One record per person, key, credential, action, story and team, in that order. */
function csvRecords(plan: PlanDocument): string[][] {
  const fixOf = new Map(plan.fixes.map((fix) => [fix.credentialId, fix]));
  return [
    ...plan.people.map((person) => [
      'Person',
      person.name,
      '',
      person.email,
      person.outcome,
      '',
      '',
    ]),
    ...plan.keys.map((key) => [
      'Key',
      key.name,
      '',
      `${key.scope} · created by ${key.creator}`,
      key.result,
      '',
      '',
    ]),
    ...plan.credentials.map((credential) => {
      const fix = fixOf.get(credential.credentialId);
      return [
        'Credential',
        credential.name,
        credential.where,
        `Holds ${credential.holds} · used by ${count(credential.actions, 'failing action', 'failing actions')} in ${count(credential.stories, 'story', 'stories')}`,
        credential.result,
        fix === undefined ? '' : fixText(fix),
        whoText(fix),
      ];
    }),
    ...plan.actions.map((action) => [
      'Action',
      `${action.story} › ${action.action}`,
      action.where,
      `Uses ${action.credential}`,
      action.result,
      '',
      '',
    ]),
    ...plan.stories.map((story) => ['Story', story.name, story.where, '', story.result, '', '']),
    ...plan.perTeam.map((team) => ['Team', team.name, '', '', teamCounts(team), '', '']),
  ];
}

/** RFC 4180: a header record, one record per row of the plan, CRLF after every record. */
export function planToCsv(plan: PlanDocument): string {
  return [[...CSV_HEADER], ...csvRecords(plan)]
    .map((record) => `${record.map(csvField).join(',')}\r\n`)
    .join('');
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return 'None.\n';
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |\n`;
  return [
    line(header.map(markdownText)),
    line(header.map(() => '---')),
    ...rows.map((row) => line(row.map(markdownText))),
  ].join('');
}

/** A heading naming the change and the tenant, the summary, then one table per level. */
export function planToMarkdown(plan: PlanDocument): string {
  const fixOf = new Map(plan.fixes.map((fix) => [fix.credentialId, fix]));
  const section = (title: string, size: number | null, table: string) =>
    `\n## ${markdownText(title)}${size === null ? '' : ` (${size})`}\n\n${table}`;
  return [
    `# Offboarding plan: ${CHANGE_LABELS[plan.change]} ${count(plan.people.length, 'person', 'people')} in ${markdownText(plan.tenant.name)} (${markdownText(plan.tenant.domain)})\n\n`,
    `${markdownText(lineText(plan.summary))}\n`,
    section(
      'People',
      plan.people.length,
      markdownTable(
        ['Person', 'Email', 'Outcome'],
        plan.people.map((person) => [person.name, person.email, person.outcome]),
      ),
    ),
    section(
      'Keys that answer 401',
      plan.keys.length,
      markdownTable(
        ['Key', 'Scope', 'Created by', 'Result'],
        plan.keys.map((key) => [key.name, key.scope, key.creator, key.result]),
      ),
    ),
    section(
      'Credentials that break',
      plan.credentials.length,
      markdownTable(
        [
          'Credential',
          'Team or drafts',
          'Holds',
          'How it breaks',
          'Failing actions',
          'Proposed fix',
          'Who can make it',
        ],
        plan.credentials.map((credential) => {
          const fix = fixOf.get(credential.credentialId);
          return [
            credential.name,
            credential.where,
            credential.holds,
            credential.result,
            String(credential.actions),
            fix === undefined ? 'None needed: no action uses it' : fixText(fix),
            whoText(fix),
          ];
        }),
      ),
    ),
    section(
      'Actions that fail',
      plan.actions.length,
      markdownTable(
        ['Story › Action', 'Team or drafts', 'Credential', 'Result'],
        plan.actions.map((action) => [
          `${action.story} › ${action.action}`,
          action.where,
          action.credential,
          action.result,
        ]),
      ),
    ),
    section(
      'Stories affected',
      plan.stories.length,
      markdownTable(
        ['Story', 'Team or drafts', 'Result'],
        plan.stories.map((story) => [story.name, story.where, story.result]),
      ),
    ),
    section(
      'Counts per team',
      null,
      markdownTable(
        ['Team or drafts', 'Credentials', 'Actions', 'Stories'],
        plan.perTeam.map((team) => [
          team.name,
          String(team.credentials),
          String(team.actions),
          String(team.stories),
        ]),
      ),
    ),
  ].join('');
}

export type PlanExportFormat = 'csv' | 'markdown';

const FORMATS: Readonly<
  Record<
    PlanExportFormat,
    {
      readonly extension: string;
      readonly mimeType: string;
      readonly render: (plan: PlanDocument) => string;
    }
  >
> = {
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8', render: planToCsv },
  markdown: { extension: 'md', mimeType: 'text/markdown;charset=utf-8', render: planToMarkdown },
};

/**
 * `<tenant-domain>-offboarding-<change>-plan.<ext>`, characters a file name should not hold as
 * `-` (as the matrix's file names): the same plan always downloads under the same name.
 */
export function planFileName(
  plan: Pick<PlanDocument, 'tenant' | 'change'>,
  format: PlanExportFormat,
): string {
  const domain = plan.tenant.domain.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return `${domain === '' ? 'tenant' : domain}-offboarding-${plan.change}-plan.${FORMATS[format].extension}`;
}

/** Everything a download needs: the file's name, its media type and its text. */
export function exportPlan(
  format: PlanExportFormat,
  plan: PlanDocument,
): { readonly fileName: string; readonly mimeType: string; readonly text: string } {
  const { mimeType, render } = FORMATS[format];
  return { fileName: planFileName(plan, format), mimeType, text: render(plan) };
}
