import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../components/data-table';
import { type sortableFeatures, useSortableTable } from '../../components/sortable-table';
import '../../components/table-meta';
import { formatCount } from '../../components/search-box';
import { useTenant } from '../../store/use-tenant';
import { type StoryRow, storyRows } from './story-rows';

const helper = createColumnHelper<typeof sortableFeatures, StoryRow>();

const columns = helper.columns([
  helper.accessor((row) => row.story.name, {
    id: 'name',
    header: 'Name',
    sortFn: 'alphanumeric',
    meta: { rowHeader: true },
    cell: ({ getValue }) => <bdi>{getValue()}</bdi>,
  }),
  helper.accessor((row) => row.where, {
    id: 'where',
    header: 'Team or drafts',
    sortFn: 'alphanumeric',
    cell: ({ getValue }) => <bdi>{getValue()}</bdi>,
  }),
  helper.accessor((row) => row.actions, { id: 'actions', header: 'Actions', sortFn: 'basic' }),
  helper.accessor((row) => row.credentials.join(', '), {
    id: 'credentials',
    header: 'Credentials used',
    enableSorting: false,
    cell: ({ getValue }) => <bdi>{getValue()}</bdi>,
  }),
  helper.accessor((row) => row.lastRun, {
    id: 'lastRun',
    header: 'Last run',
    enableSorting: false,
  }),
]);

const getRowId = (row: StoryRow) => row.story.id;
const rowProps = (row: StoryRow) => ({ 'data-story-id': row.story.id });

/**
 * Stories: every live story, where it lives, its actions, the credentials they use and its last
 * run. Its own chunk; not yet in the Console navigation (running stories comes with it).
 */
export function StoriesView() {
  const tenant = useTenant();
  const rows = useMemo(() => storyRows(tenant), [tenant]);
  const table = useSortableTable(columns, rows, getRowId);
  return (
    <div className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <p className="text-slate-700 text-sm dark:text-slate-300">
        {formatCount(rows.length)} {rows.length === 1 ? 'story' : 'stories'}.
      </p>
      <DataTable
        table={table}
        label="Stories"
        empty="No stories in this tenant."
        rowProps={rowProps}
      />
    </div>
  );
}
