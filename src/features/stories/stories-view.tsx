import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Button } from '../../components/button';
import { DataTable } from '../../components/data-table';
import { ProgressBar } from '../../components/progress-bar';
import { formatCount } from '../../components/search-box';
import { type sortableFeatures, useSortableTable } from '../../components/sortable-table';
import '../../components/table-meta';
import { useTenantStore } from '../../store/tenant-store';
import { useTenant } from '../../store/use-tenant';
import { useLiveVerdictsHidden, VERDICT_HIDDEN } from '../presenter/use-presenter';
import { type StoryRow, storyRows } from './story-rows';
import { StoryRunDetails } from './story-run-details';
import { cancelRuns, runStories, useStoryRuns } from './story-runs';

const helper = createColumnHelper<typeof sortableFeatures, StoryRow>();

function RunButton({ row }: { readonly row: StoryRow }) {
  const busy = useStoryRuns((state) => state.progress !== null);
  return (
    <Button
      size="sm"
      disabled={busy}
      aria-label={`Run story ${row.story.name}`}
      onClick={() => void runStories([row.story])}
    >
      Run story
    </Button>
  );
}

function ShowRunButton({ row }: { readonly row: StoryRow }) {
  const shown = useStoryRuns((state) => state.shown === row.story.id);
  if (row.story.lastRun === null) return null;
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-pressed={shown}
      aria-label={`Show last run of ${row.story.name}`}
      onClick={() => useStoryRuns.setState({ shown: row.story.id })}
    >
      Details
    </Button>
  );
}

function columns(hidden: boolean) {
  return helper.columns([
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
      cell: ({ row }) => (
        <span className="flex flex-wrap items-center gap-2">
          <span data-last-run>
            {hidden && row.original.story.lastRun !== null ? VERDICT_HIDDEN : row.original.lastRun}
          </span>
          <ShowRunButton row={row.original} />
        </span>
      ),
    }),
    helper.display({
      id: 'run',
      header: 'Run',
      cell: ({ row }) => <RunButton row={row.original} />,
    }),
  ]);
}

const getRowId = (row: StoryRow) => row.story.id;
const rowProps = (row: StoryRow) => ({ 'data-story-id': row.story.id });

function RunAll({ rows }: { readonly rows: readonly StoryRow[] }) {
  const progress = useStoryRuns((state) => state.progress);
  if (progress !== null) {
    return (
      <ProgressBar
        label="Running stories"
        value={progress.done}
        max={progress.total}
        stage={`Story ${formatCount(progress.done + 1)} of ${formatCount(progress.total)}: ${progress.current}`}
        onCancel={cancelRuns}
      />
    );
  }
  return (
    <Button
      variant="primary"
      disabled={rows.length === 0}
      onClick={() => void runStories(rows.map((row) => row.story))}
    >
      Run all
    </Button>
  );
}

/**
 * Stories: every live story, where it lives, its actions, the credentials they use and its last
 * run; _Run story_ and _Run all_ send the actions' requests through the simulated API (see
 * story-runs.ts) and log each run. Its own chunk.
 */
export function StoriesView() {
  const tenant = useTenant();
  const rows = useMemo(() => storyRows(tenant), [tenant]);
  const hidden = useLiveVerdictsHidden();
  const table = useSortableTable(
    useMemo(() => columns(hidden), [hidden]),
    rows,
    getRowId,
  );
  const shownId = useStoryRuns((state) => state.shown);
  const pageRuns = useStoryRuns((state) => state.runs);
  const events = useTenantStore((state) => state.events);
  const cursor = useTenantStore((state) => state.cursor);
  const shown = shownId === null ? undefined : tenant.stories.get(shownId);
  const pageRun = shown === undefined ? undefined : pageRuns.get(shown.id);
  // The page's run is shown only while its event is in effect and still the story's last run
  // (an undo or a time-travel jump may have taken it back).
  const current =
    pageRun !== undefined &&
    pageRun.eventIndex < cursor &&
    events[pageRun.eventIndex] === pageRun.event &&
    shown?.lastRun?.at === pageRun.event.at
      ? pageRun
      : null;
  return (
    <div className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-slate-700 text-sm dark:text-slate-300">
          {formatCount(rows.length)} {rows.length === 1 ? 'story' : 'stories'}. A run sends each
          action’s request through the simulated API with its credential resolved at that moment,
          and logs the statuses as an event.
        </p>
        <RunAll rows={rows} />
      </div>
      <DataTable
        table={table}
        label="Stories"
        empty="No stories in this tenant."
        rowProps={rowProps}
      />
      {shown !== undefined && shown.deletedAt === null && (
        <StoryRunDetails story={shown} pageRun={current} hidden={hidden} />
      )}
    </div>
  );
}
