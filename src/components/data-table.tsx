import type { Column, ReactTable, Row, RowData, TableFeatures } from '@tanstack/react-table';
import { type HTMLAttributes, memo, type ReactNode, Suspense, useRef } from 'react';
import './table-meta';
import { useVirtualRows, virtualKey } from './use-virtual-rows';

/** The sorting API, present only on tables built with rowSortingFeature. */
interface SortableColumn {
  getCanSort?: () => boolean;
  getIsSorted?: () => false | 'asc' | 'desc';
  toggleSorting?: (desc?: boolean) => void;
  getNextSortingOrder?: () => false | 'asc' | 'desc';
}

/** The column meta this markup understands (declared in table-meta.ts). */
interface Presentation {
  className?: string;
  rowHeader?: boolean;
}

function presentation(meta: unknown): Presentation {
  return (meta ?? {}) as Presentation;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

function SortButton({ column, label }: { column: SortableColumn; label: ReactNode }) {
  const sorted = column.getIsSorted?.() ?? false;
  return (
    <button
      type="button"
      className="inline-flex items-center gap-1 font-semibold hover:underline"
      onClick={() => column.toggleSorting?.(sorted === 'asc')}
    >
      {label}
      <span aria-hidden="true" className="text-slate-600 dark:text-slate-400">
        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
      </span>
    </button>
  );
}

interface DataRowProps<TFeatures extends TableFeatures, TData extends RowData, TSelected> {
  table: ReactTable<TFeatures, TData, TSelected>;
  row: Row<TFeatures, TData>;
  /** The column definitions: rows are drawn again when they change. */
  columns: unknown;
  index: number;
  ariaRowIndex: number | undefined;
  measure: (node: HTMLTableRowElement | null) => void;
  rowProps:
    | ((row: TData) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>)
    | undefined;
}

function DataRowImpl<TFeatures extends TableFeatures, TData extends RowData, TSelected>({
  table,
  row,
  index,
  ariaRowIndex,
  measure,
  rowProps,
}: DataRowProps<TFeatures, TData, TSelected>) {
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={ariaRowIndex}
      className="border-slate-100 border-b align-top last:border-0 dark:border-slate-800"
      {...rowProps?.(row.original)}
    >
      {row.getAllCells().map((cell) => {
        const meta = presentation(cell.column.columnDef.meta);
        const Cell = meta.rowHeader ? 'th' : 'td';
        return (
          <Cell
            key={cell.id}
            scope={meta.rowHeader ? 'row' : undefined}
            className={`px-2 py-2 ${meta.rowHeader ? 'font-normal' : ''} ${meta.className ?? ''}`}
          >
            <table.FlexRender cell={cell} />
          </Cell>
        );
      })}
    </tr>
  );
}

/**
 * A body row, drawn again only when its data object, its place or the columns change. Rows hold
 * immutable data and cells that show live state read it themselves (People's status, a key's
 * verdict), so a status change re-renders a few cells instead of every row of the table.
 */
const DataRow = memo(
  DataRowImpl,
  (before, after) =>
    before.row.original === after.row.original &&
    before.columns === after.columns &&
    before.index === after.index &&
    before.ariaRowIndex === after.ariaRowIndex &&
    before.measure === after.measure &&
    before.rowProps === after.rowProps,
) as typeof DataRowImpl;

interface DataTableProps<TFeatures extends TableFeatures, TData extends RowData, TSelected> {
  table: ReactTable<TFeatures, TData, TSelected>;
  label: string;
  empty: ReactNode;
  rowProps?: (row: TData) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  /** Estimated row height in px, for virtualisation. */
  rowHeight?: number;
}

/**
 * Semantic table markup for a TanStack table: a named <table>, header cells with aria-sort and
 * sort buttons where the column sorts, and the column marked `rowHeader` as <th scope="row">.
 * Above a few hundred rows the body is virtualised inside a scroll box with a sticky header;
 * aria-rowcount and aria-rowindex then tell assistive technology where each row sits.
 */
export function DataTable<TFeatures extends TableFeatures, TData extends RowData, TSelected>(
  props: DataTableProps<TFeatures, TData, TSelected>,
) {
  const count = props.table.getRowModel().rows.length;
  return (
    <Suspense fallback={<p role="status">Loading the {props.label} table…</p>}>
      <DataTableBody key={virtualKey(count)} {...props} />
    </Suspense>
  );
}

function DataTableBody<TFeatures extends TableFeatures, TData extends RowData, TSelected>({
  table,
  label,
  empty,
  rowProps,
  rowHeight = 44,
}: DataTableProps<TFeatures, TData, TSelected>) {
  const rows = table.getRowModel().rows;
  const columnCount = table.getAllLeafColumns().length;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows(rows.length, scrollRef, rowHeight);
  const headerGroups = table.getHeaderGroups();
  return (
    <div
      ref={scrollRef}
      className={virtual.enabled ? 'max-h-[70vh] overflow-auto' : 'overflow-x-auto'}
      // A scrollable region must be reachable from the keyboard (WCAG 2.1.1).
      {...(virtual.enabled
        ? { tabIndex: 0, role: 'region', 'aria-label': `${label}, scrollable` }
        : {})}
    >
      <table
        aria-label={label}
        aria-rowcount={virtual.enabled ? rows.length + headerGroups.length : undefined}
        className="w-full border-collapse text-left text-sm"
      >
        <thead className="border-slate-200 border-b text-slate-700 dark:border-slate-700 dark:text-slate-300">
          {headerGroups.map((group, groupIndex) => (
            <tr key={group.id} aria-rowindex={virtual.enabled ? groupIndex + 1 : undefined}>
              {group.headers.map((header) => {
                const column = header.column as Column<TFeatures, TData> & SortableColumn;
                const canSort = column.getCanSort?.() ?? false;
                const sorted = column.getIsSorted?.() ?? false;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === false ? undefined : ARIA_SORT[sorted]}
                    className={`sticky top-0 z-10 bg-white px-2 py-2 font-semibold dark:bg-slate-900 ${presentation(column.columnDef.meta).className ?? ''}`}
                  >
                    {header.isPlaceholder ? null : canSort ? (
                      <SortButton column={column} label={<table.FlexRender header={header} />} />
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td
                colSpan={columnCount}
                className="px-2 py-6 text-center text-slate-600 dark:text-slate-400"
              >
                {empty}
              </td>
            </tr>
          ) : null}
          {virtual.paddingTop > 0 ? <tr style={{ height: virtual.paddingTop }} /> : null}
          {virtual.indexes.map((index) => {
            const row = rows[index];
            if (row === undefined) return null;
            return (
              <DataRow
                key={row.id}
                table={table}
                row={row}
                columns={table.options.columns}
                index={index}
                ariaRowIndex={virtual.enabled ? index + headerGroups.length + 1 : undefined}
                measure={virtual.measure}
                rowProps={rowProps}
              />
            );
          })}
          {virtual.paddingBottom > 0 ? <tr style={{ height: virtual.paddingBottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
