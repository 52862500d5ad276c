import { createColumnHelper } from '@tanstack/react-table';
import { Button } from '../../components/button';
import type { sortableFeatures } from '../../components/sortable-table';
import '../../components/table-meta';
import type {
  PlanActionRow,
  PlanCredentialRow,
  PlanFixRow,
  PlanKeyRow,
  PlanStoryRow,
  PlanTeamRow,
} from '../../core/automation/plan-export';

/**
 * The plan's tables, one per level of the chain (key -> credential -> action -> story), then the
 * counts per team and the fixes. Every cell is text (a result is "401 OWNER_DELETED", never a
 * colour alone); names are user input, each in a <bdi>.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const keys = createColumnHelper<typeof sortableFeatures, PlanKeyRow>();
export const KEY_COLUMNS = keys.columns([
  keys.accessor('name', {
    id: 'name',
    header: 'Key',
    sortFn: 'alphanumeric',
    meta: { rowHeader: true },
    cell: ({ getValue }) => <bdi>{getValue()}</bdi>,
  }),
  keys.accessor('scope', { id: 'scope', header: 'Scope', sortFn: 'alphanumeric' }),
  keys.accessor('creator', {
    id: 'creator',
    header: 'Created by',
    sortFn: 'alphanumeric',
    cell: ({ getValue }) => <bdi className="break-all">{getValue()}</bdi>,
  }),
  keys.accessor('result', { id: 'result', header: 'Reason code', sortFn: 'alphanumeric' }),
]);

const credentials = createColumnHelper<typeof sortableFeatures, PlanCredentialRow>();
export const CREDENTIAL_COLUMNS = credentials.columns([
  credentials.accessor('name', {
    id: 'name',
    header: 'Credential',
    sortFn: 'alphanumeric',
    meta: { rowHeader: true },
    cell: ({ getValue }) => <bdi>{getValue()}</bdi>,
  }),
  credentials.accessor('where', {
    id: 'where',
    header: 'Team or drafts',
    sortFn: 'alphanumeric',
    cell: ({ getValue }) => <bdi>{getValue()}</bdi>,
  }),
  credentials.accessor('holds', {
    id: 'holds',
    header: 'Holds',
    enableSorting: false,
    cell: ({ getValue }) => <bdi>{getValue()}</bdi>,
  }),
  credentials.accessor('result', { id: 'how', header: 'How it breaks', sortFn: 'alphanumeric' }),
  credentials.accessor('actions', {
    id: 'usage',
    header: 'Failing actions',
    sortFn: 'basic',
    cell: ({ row }) =>
      row.original.actions === 0
        ? 'None: nothing uses it'
        : `${plural(row.original.actions, 'action', 'actions')} in ${plural(row.original.stories, 'story', 'stories')}`,
  }),
]);

const actions = createColumnHelper<typeof sortableFeatures, PlanActionRow>();
export const ACTION_COLUMNS = actions.columns([
  actions.accessor((row) => `${row.story} › ${row.action}`, {
    id: 'name',
    header: 'Story › Action',
    sortFn: 'alphanumeric',
    meta: { rowHeader: true },
    cell: ({ row }) => (
      <>
        <bdi>{row.original.story}</bdi> › <bdi>{row.original.action}</bdi>
      </>
    ),
  }),
  actions.accessor('where', {
    id: 'where',
    header: 'Team or drafts',
    sortFn: 'alphanumeric',
    cell: ({ getValue }) => <bdi>{getValue()}</bdi>,
  }),
  actions.accessor('credential', {
    id: 'credential',
    header: 'Credential',
    sortFn: 'alphanumeric',
    cell: ({ getValue }) => <bdi>{getValue()}</bdi>,
  }),
  actions.accessor('result', { id: 'result', header: 'Result', sortFn: 'alphanumeric' }),
]);

const stories = createColumnHelper<typeof sortableFeatures, PlanStoryRow>();
export const STORY_COLUMNS = stories.columns([
  stories.accessor('name', {
    id: 'name',
    header: 'Story',
    sortFn: 'alphanumeric',
    meta: { rowHeader: true },
    cell: ({ getValue }) => <bdi>{getValue()}</bdi>,
  }),
  stories.accessor('where', {
    id: 'where',
    header: 'Team or drafts',
    sortFn: 'alphanumeric',
    cell: ({ getValue }) => <bdi>{getValue()}</bdi>,
  }),
  stories.accessor('result', { id: 'result', header: 'Result', sortFn: 'alphanumeric' }),
]);

const teams = createColumnHelper<typeof sortableFeatures, PlanTeamRow>();
export const TEAM_COLUMNS = teams.columns([
  teams.accessor('name', {
    id: 'name',
    header: 'Team or drafts',
    sortFn: 'alphanumeric',
    meta: { rowHeader: true },
    cell: ({ getValue }) => <bdi>{getValue()}</bdi>,
  }),
  teams.accessor('credentials', { id: 'credentials', header: 'Credentials', sortFn: 'basic' }),
  teams.accessor('actions', { id: 'actions', header: 'Actions', sortFn: 'basic' }),
  teams.accessor('stories', { id: 'stories', header: 'Stories', sortFn: 'basic' }),
]);

const fixes = createColumnHelper<typeof sortableFeatures, PlanFixRow>();

/** The fixes' columns; a fix no one may make says so where its button would be. */
export function getFixColumns(onApply: (row: PlanFixRow) => void) {
  return fixes.columns([
    fixes.accessor('credential', {
      id: 'credential',
      header: 'Credential',
      sortFn: 'alphanumeric',
      meta: { rowHeader: true },
      cell: ({ row }) => (
        <>
          <bdi>{row.original.credential}</bdi>
          <span className="block text-slate-600 text-xs dark:text-slate-400">
            <bdi>{row.original.where}</bdi>
          </span>
        </>
      ),
    }),
    fixes.accessor('key', {
      id: 'key',
      header: 'Key to create',
      enableSorting: false,
      cell: ({ row }) => (
        <>
          {row.original.key}
          {row.original.keyName === null ? null : (
            <span className="block text-slate-600 text-xs dark:text-slate-400">
              named “<bdi>{row.original.keyName}</bdi>”
            </span>
          )}
          {row.original.needs === '' ? null : (
            <span className="block text-slate-600 text-xs dark:text-slate-400">
              Needs: <bdi>{row.original.needs}</bdi>
            </span>
          )}
        </>
      ),
    }),
    fixes.accessor('placement', { id: 'placement', header: 'Where', enableSorting: false }),
    fixes.accessor((row) => row.creator ?? row.refusal ?? '', {
      id: 'creator',
      header: 'Who can make it',
      sortFn: 'alphanumeric',
      cell: ({ row }) =>
        row.original.creator === null ? (
          <span>
            <span aria-hidden="true">✕ </span>
            <bdi>{row.original.refusal}</bdi>
          </span>
        ) : (
          <bdi className="break-all">{row.original.creator}</bdi>
        ),
    }),
    fixes.display({
      id: 'apply',
      header: 'Apply',
      meta: { className: 'whitespace-nowrap' },
      cell: ({ row }) =>
        row.original.creator === null ? (
          <span className="text-slate-600 text-xs dark:text-slate-400">No one may</span>
        ) : (
          <Button
            size="sm"
            data-apply-fix={row.original.credentialId}
            aria-label={row.original.applyLabel}
            className="disabled:opacity-60"
            onClick={() => onApply(row.original)}
          >
            Apply fix
          </Button>
        ),
    }),
  ]);
}
