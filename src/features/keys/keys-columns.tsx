import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_equalsString,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
} from '@tanstack/react-table';
import { IsolatedNames } from '../../components/isolated-names';
import '../../components/table-meta';
import { VerdictBadge } from '../../components/verdict-badge';
import { maskSecret } from '../../core/deterministic';
import { type Verdict, verdictText } from '../../core/key-verdict';
import { type KeyId, SCOPE_LABELS, type Team, type TeamId } from '../../core/model';
import type { WhatIfRow } from '../../core/what-if';
import { selectView, useTenantStore } from '../../store/tenant-store';
import { useLiveVerdictsHidden, VERDICT_HIDDEN } from '../presenter/use-presenter';
import { DeleteKeyButton } from './delete-key-button';
import { keyAccess, keyAccessParts } from './key-access';

export const keysFeatures = tableFeatures({
  columnFilteringFeature,
  rowSortingFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
  filterFns: { equalsString: filterFn_equalsString },
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});

const helper = createColumnHelper<typeof keysFeatures, WhatIfRow>();

/** One key's verdict now, live (only this table reads a single key's). */
function useKeyVerdict(keyId: KeyId): Verdict | undefined {
  return useTenantStore((state) => {
    const view = selectView(state);
    const index = view.rowIndex.get(keyId);
    return index === undefined ? undefined : view.rows[index]?.now;
  });
}

/** The verdict read live from the store: rows may be a snapshot from before a status change. */
function LiveVerdict({ keyId }: { keyId: KeyId }) {
  const verdict = useKeyVerdict(keyId);
  // Presenter mode, a prediction pending: the verdict waits for Reveal.
  const hidden = useLiveVerdictsHidden();
  if (hidden) {
    return <span className="text-slate-600 text-xs dark:text-slate-400">{VERDICT_HIDDEN}</span>;
  }
  return verdict === undefined ? null : <VerdictBadge verdict={verdict} />;
}

/**
 * Team names are looked up when a row is read, so the columns take the tenant's teams. While the
 * verdicts are hidden until reveal, their column does not sort: the order would give them away.
 */
export function getKeysColumns(teams: ReadonlyMap<TeamId, Team>, verdictsHidden = false) {
  return helper.columns([
    helper.accessor((row) => row.key.name, {
      id: 'name',
      header: 'Name',
      sortFn: 'alphanumeric',
      meta: { rowHeader: true },
      // Names in <bdi>: one written right to left cannot reorder the text around it.
      cell: ({ getValue }) => <bdi>{getValue()}</bdi>,
    }),
    helper.accessor((row) => SCOPE_LABELS[row.key.scope], {
      id: 'scope',
      header: 'Scope',
      sortFn: 'alphanumeric',
      filterFn: 'equalsString',
    }),
    helper.accessor((row) => row.creator?.name ?? row.key.createdBy, {
      id: 'createdBy',
      header: 'Created by',
      sortFn: 'alphanumeric',
      cell: ({ getValue }) => <bdi>{getValue()}</bdi>,
    }),
    helper.accessor((row) => keyAccess(row.key, row.creator?.name ?? row.key.createdBy, teams), {
      id: 'access',
      header: 'Teams, roles or permissions',
      enableSorting: false,
      cell: ({ row }) => (
        <IsolatedNames
          parts={keyAccessParts(
            row.original.key,
            row.original.creator?.name ?? row.original.key.createdBy,
            teams,
          )}
        />
      ),
    }),
    helper.accessor((row) => row.key.secret, {
      id: 'secret',
      header: 'Secret',
      enableSorting: false,
      cell: ({ getValue }) => <code className="text-xs">{maskSecret(getValue())}</code>,
    }),
    helper.accessor((row) => verdictText(row.now), {
      id: 'verdict',
      header: 'Verdict now',
      sortFn: 'alphanumeric',
      enableSorting: !verdictsHidden,
      filterFn: 'equalsString',
      cell: ({ row }) => <LiveVerdict keyId={row.original.key.id} />,
    }),
    helper.display({
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) => <DeleteKeyButton apiKey={row.original.key} />,
    }),
  ]);
}
