/**
 * A table that sorts by its columns (no filters), as the Credentials and Stories views use:
 * the TanStack features, and a hook holding the chosen sorting.
 */
import {
  type ColumnDef,
  createSortedRowModel,
  type RowData,
  rowSortingFeature,
  type SortingState,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useState } from 'react';

export const sortableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});

/**
 * The table, sorted as the person chose. `setAside` names a column whose sorting is ignored
 * meanwhile (kept, and back once it is not named): a hidden verdict must not show in the order.
 */
export function useSortableTable<TData extends RowData>(
  columns: ColumnDef<typeof sortableFeatures, TData>[],
  data: readonly TData[],
  getRowId: (row: TData) => string,
  setAside: string | null = null,
) {
  const [chosen, setSorting] = useState<SortingState>([]);
  const sorting = setAside === null ? chosen : chosen.filter((sort) => sort.id !== setAside);
  return useTable({
    features: sortableFeatures,
    columns,
    data,
    getRowId,
    state: { sorting },
    onSortingChange: setSorting,
  });
}
