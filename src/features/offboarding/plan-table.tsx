import type { ColumnDef, RowData } from '@tanstack/react-table';
import type { HTMLAttributes, ReactNode } from 'react';
import { DataTable } from '../../components/data-table';
import { formatCount } from '../../components/search-box';
import { type sortableFeatures, useSortableTable } from '../../components/sortable-table';

/**
 * One level of the plan: a level-4 heading with its count, and a table named by the heading's
 * text (without the count, so a test's name for it stays put). Past 200 rows the shared table
 * virtualises its body in a scroll box of its own.
 */
export function PlanTable<TData extends RowData>({
  title,
  columns,
  rows,
  getRowId,
  empty,
  rowProps,
}: {
  title: string;
  columns: ColumnDef<typeof sortableFeatures, TData>[];
  rows: readonly TData[];
  getRowId: (row: TData) => string;
  empty: ReactNode;
  rowProps?: (row: TData) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
}) {
  const table = useSortableTable(columns, rows, getRowId);
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <h4 className="font-semibold text-sm">
        {title} ({formatCount(rows.length)})
      </h4>
      <DataTable
        table={table}
        label={title}
        empty={empty}
        {...(rowProps === undefined ? {} : { rowProps })}
      />
    </div>
  );
}
