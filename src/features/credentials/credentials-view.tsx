import { createColumnHelper } from '@tanstack/react-table';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Button } from '../../components/button';
import { DataTable } from '../../components/data-table';
import { lazyNamed } from '../../components/lazy-named';
import { type sortableFeatures, useSortableTable } from '../../components/sortable-table';
import '../../components/table-meta';
import { formatCount } from '../../components/search-box';
import { useTenant } from '../../store/use-tenant';
import { useLiveVerdictsHidden, VERDICT_HIDDEN } from '../presenter/use-presenter';
import { CredentialActions, prefetchCredentialDialogs } from './credential-actions';
import { type CredentialRow, credentialRows } from './credential-rows';

const CreateCredentialDialog = lazyNamed(
  () => import('./create-credential-dialog'),
  'CreateCredentialDialog',
);

const helper = createColumnHelper<typeof sortableFeatures, CredentialRow>();

const count = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

function columns(verdictsHidden: boolean) {
  return helper.columns([
    helper.accessor((row) => row.credential.name, {
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
    helper.accessor((row) => row.sharing, {
      id: 'sharing',
      header: 'Sharing',
      enableSorting: false,
    }),
    helper.accessor((row) => row.holds, {
      id: 'holds',
      header: 'Holds',
      enableSorting: false,
      cell: ({ getValue }) => <bdi>{getValue()}</bdi>,
    }),
    helper.accessor((row) => row.actions, {
      id: 'usage',
      header: 'Used by',
      sortFn: 'basic',
      cell: ({ row }) =>
        `${count(row.original.actions, 'action', 'actions')} in ${count(row.original.stories, 'story', 'stories')}`,
    }),
    helper.accessor((row) => row.verdict, {
      id: 'verdict',
      header: 'Verdict now',
      enableSorting: !verdictsHidden,
      sortFn: 'alphanumeric',
      cell: ({ row }) =>
        verdictsHidden ? (
          <span className="text-slate-600 text-xs dark:text-slate-400">{VERDICT_HIDDEN}</span>
        ) : (
          <span data-status={row.original.status ?? 'n/a'}>{row.original.verdict}</span>
        ),
    }),
    helper.display({
      id: 'manage',
      header: 'Manage',
      cell: ({ row }) => <CredentialActions row={row.original} />,
    }),
  ]);
}

const getRowId = (row: CredentialRow) => row.credential.id;
const rowProps = (row: CredentialRow) => ({ 'data-credential-id': row.credential.id });

/** Fetch the dialogs once the browser is idle: the first click then waits for nothing. */
function usePrefetchedDialogs(): void {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => void prefetchCredentialDialogs());
    return () => cancel(handle);
  }, []);
}

/**
 * Credentials: every credential of the tenant, where it lives, who may use it, what it holds,
 * what uses it and whether it answers now; create one, and rotate, share or delete each. Its own
 * chunk; the dialogs are chunks of their own.
 */
export function CredentialsView() {
  const tenant = useTenant();
  const [creating, setCreating] = useState(false);
  usePrefetchedDialogs();
  const rows = useMemo(() => credentialRows(tenant), [tenant]);
  const verdictsHidden = useLiveVerdictsHidden();
  // Sorting by verdict would give the hidden verdicts away: set aside while they are hidden.
  const table = useSortableTable(
    useMemo(() => columns(verdictsHidden), [verdictsHidden]),
    rows,
    getRowId,
    verdictsHidden ? 'verdict' : null,
  );
  return (
    <div className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div>
        <Button variant="primary" onClick={() => setCreating(true)}>
          Create credential
        </Button>
      </div>
      <p className="text-slate-700 text-sm dark:text-slate-300">
        {count(rows.length, 'credential', 'credentials')}. A credential holding a person’s personal
        key stops working when they leave; the actions that use it then answer 401.
      </p>
      <DataTable
        table={table}
        label="Credentials"
        empty="No credentials in this tenant."
        rowProps={rowProps}
      />
      {creating ? (
        <Suspense fallback={null}>
          <CreateCredentialDialog onClose={() => setCreating(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
