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
import '../../components/table-meta';
import { VerdictBadge } from '../../components/verdict-badge';
import { maskSecret } from '../../core/deterministic';
import { DeleteKeyButton } from './delete-key-button';
import type { KeyRow } from './key-rows';

export const keysFeatures = tableFeatures({
  columnFilteringFeature,
  rowSortingFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
  filterFns: { equalsString: filterFn_equalsString },
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});

const helper = createColumnHelper<typeof keysFeatures, KeyRow>();

export const keysColumns = helper.columns([
  helper.accessor((row) => row.key.name, {
    id: 'name',
    header: 'Name',
    sortFn: 'alphanumeric',
    meta: { rowHeader: true },
  }),
  helper.accessor('scopeLabel', {
    id: 'scope',
    header: 'Scope',
    sortFn: 'alphanumeric',
    filterFn: 'equalsString',
  }),
  helper.accessor('creatorName', { id: 'createdBy', header: 'Created by', sortFn: 'alphanumeric' }),
  helper.accessor('access', {
    id: 'access',
    header: 'Teams, roles or permissions',
    enableSorting: false,
  }),
  helper.accessor((row) => row.key.secret, {
    id: 'secret',
    header: 'Secret',
    enableSorting: false,
    cell: ({ getValue }) => <code className="text-xs">{maskSecret(getValue())}</code>,
  }),
  helper.accessor('verdictText', {
    id: 'verdict',
    header: 'Verdict now',
    sortFn: 'alphanumeric',
    filterFn: 'equalsString',
    cell: ({ row }) => <VerdictBadge verdict={row.original.verdict} />,
  }),
  helper.display({
    id: 'actions',
    header: 'Actions',
    cell: ({ row }) => <DeleteKeyButton apiKey={row.original.key} />,
  }),
]);
