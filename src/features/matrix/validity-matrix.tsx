import { memo, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { lazyNamed } from '../../components/lazy-named';
import {
  cellButtonClass,
  EmptyRow,
  ExplanationBox,
  KeyRowHeader,
  MatrixTable,
  NoCellChosen,
  SpacerRow,
} from '../../components/matrix-parts';
import { matchesQuery, SearchBox } from '../../components/search-box';
import { Section } from '../../components/section';
import { useGridNavigation } from '../../components/use-grid-navigation';
import { useVirtualRows, virtualKey } from '../../components/use-virtual-rows';
import { VERDICT_LABELS } from '../../core/key-verdict';
import type { Tenant } from '../../core/model';
import type { WhatIfRow } from '../../core/what-if';
import { useTenant, useWhatIfMatrix } from '../../store/use-tenant';
import { useLiveVerdictsHidden, VERDICT_HIDDEN } from '../presenter/use-presenter';
import { cellKey, MATRIX_COLUMNS, type MatrixCell, matrixCell } from './matrix-cells';
import { useVerdictFlips } from './use-verdict-flips';

function CellContent({ cell }: { cell: MatrixCell }) {
  if (cell.kind === 'unreachable') {
    return (
      <>
        <span aria-hidden="true">—</span> n/a
        <span className="block font-normal text-[0.7rem]">Not reachable</span>
      </>
    );
  }
  const ok = cell.verdict.status === 200;
  return (
    <>
      <span aria-hidden="true">{ok ? '✓' : '✕'}</span> {cell.verdict.status}
      <span className="block whitespace-normal font-normal text-[0.7rem]">
        {VERDICT_LABELS[cell.verdict.code]}
      </span>
    </>
  );
}

// Needed only once a cell is focused: its own small chunk, prefetched after first paint below.
const loadExplanation = () => import('./cell-explanation');
// The export buttons arrive just after the first paint (prefetched below), into a slot of their
// height: the first paint does not wait for them.
const loadExportMenu = () => import('./matrix-export-menu');
const MatrixExportMenu = lazyNamed(loadExportMenu, 'MatrixExportMenu');
const CellExplanation = lazyNamed(loadExplanation, 'CellExplanation');

/** The two header rows stay in view while a long matrix scrolls. */
const HEADER_ROWS = 2;
const STICKY = 'sticky top-0 z-10 bg-white dark:bg-slate-900';
const STICKY_LOW = 'sticky top-6 z-10 bg-white dark:bg-slate-900';

/** A rule between the live column and the what-if columns. */
const FIRST_STAGE = 'border-slate-300 border-l-2 dark:border-slate-600';

const CELL_STYLES = {
  200: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  401: 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100',
  unreachable: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
} as const;

interface MatrixRowProps {
  readonly row: WhatIfRow;
  readonly rowIndex: number;
  readonly ariaRowIndex: number | undefined;
  readonly measure: (node: HTMLTableRowElement | null) => void;
  readonly hidden: boolean;
  /** The row's flipped column ids, space-separated ('' for none). */
  readonly flippedColumns: string;
  /** The column holding the grid's tab stop in this row, or -1. */
  readonly tabColumn: number;
  /** The column whose explanation is shown, in this row, or -1. */
  readonly explainedColumn: number;
  readonly onCellFocus: (row: number, column: number) => void;
  readonly onCellClick: (row: number, column: number) => void;
}

/**
 * One key's row. Memoised: a change recomputes only the rows it touched (the validity view
 * keeps the others as the same objects), so a click re-renders a handful of rows, not all.
 */
const MatrixRow = memo(function MatrixRow({
  row,
  rowIndex,
  ariaRowIndex,
  measure,
  hidden,
  flippedColumns,
  tabColumn,
  explainedColumn,
  onCellFocus,
  onCellClick,
}: MatrixRowProps) {
  const flipped = flippedColumns === '' ? [] : flippedColumns.split(' ');
  return (
    <tr
      ref={measure}
      data-index={rowIndex}
      aria-rowindex={ariaRowIndex}
      className="border-slate-100 border-b dark:border-slate-800"
    >
      <KeyRowHeader apiKey={row.key} creatorName={row.creator?.name ?? row.key.createdBy} />
      {MATRIX_COLUMNS.map((column, columnIndex) => {
        const cell = matrixCell(row, column.id);
        // A highlight on a hidden cell would say which verdicts just changed.
        const isFlipped = !hidden && flipped.includes(column.id);
        const style = hidden
          ? CELL_STYLES.unreachable
          : cell.kind === 'verdict'
            ? CELL_STYLES[cell.verdict.status]
            : CELL_STYLES.unreachable;
        return (
          <td
            key={column.id}
            data-testid={`cell-${cellKey(row.key.id, column.id)}`}
            data-row-index={rowIndex}
            data-column-index={columnIndex}
            data-status={hidden ? undefined : cell.kind === 'verdict' ? cell.verdict.status : 'n/a'}
            data-flipped={isFlipped ? 'true' : undefined}
            className={`p-0.5 text-center ${columnIndex === 1 ? FIRST_STAGE : ''} ${
              isFlipped ? 'flipped' : ''
            }`}
          >
            <button
              type="button"
              tabIndex={tabColumn === columnIndex ? 0 : -1}
              onFocus={() => onCellFocus(rowIndex, columnIndex)}
              onClick={() => onCellClick(rowIndex, columnIndex)}
              className={cellButtonClass(style, explainedColumn === columnIndex)}
            >
              {hidden ? (
                <span className="block whitespace-normal font-normal text-xs">
                  {VERDICT_HIDDEN}
                </span>
              ) : (
                <CellContent cell={cell} />
              )}
              {isFlipped ? <span className="sr-only"> (just changed)</span> : null}
            </button>
          </td>
        );
      })}
    </tr>
  );
});

/**
 * The matrix's table and the explanation of its chosen cell: the part that may be virtualised,
 * keyed by the caller with `virtualKey(rows.length)` (its hooks differ once it is).
 */
function MatrixGrid({
  tenant,
  rows,
  emptyText,
  verdictsHidden,
  flippedColumns,
  describedBy,
}: {
  tenant: Tenant;
  rows: readonly WhatIfRow[];
  emptyText: string;
  verdictsHidden: boolean;
  flippedColumns: ReadonlyMap<string, string>;
  describedBy: string;
}) {
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows(rows.length, scrollRef, 52);
  const grid = useGridNavigation(tableRef, rows.length, MATRIX_COLUMNS.length, virtual);
  const { explained } = grid;
  const explainedRow = explained === null ? undefined : rows[explained.row];
  const explainedColumn = explained === null ? undefined : MATRIX_COLUMNS[explained.column];
  return (
    <>
      <MatrixTable
        label="Validity matrix"
        describedBy={describedBy}
        rowCount={rows.length}
        headerRows={HEADER_ROWS}
        virtual={virtual}
        scrollRef={scrollRef}
        tableRef={tableRef}
        onKeyDown={grid.onKeyDown}
        fixed
      >
        <thead>
          <tr aria-rowindex={virtual.enabled ? 1 : undefined}>
            <td colSpan={2} className={STICKY} />
            <th
              scope="colgroup"
              colSpan={MATRIX_COLUMNS.length - 1}
              className={`${STICKY} border-slate-300 border-l-2 px-2 pt-1 text-center font-normal text-slate-600 text-xs dark:border-slate-600 dark:text-slate-400`}
            >
              What if the key’s creator is…
            </th>
          </tr>
          <tr
            aria-rowindex={virtual.enabled ? 2 : undefined}
            className="border-slate-200 border-b dark:border-slate-700"
          >
            <th scope="col" className={`${STICKY_LOW} px-2 py-2`}>
              Key
            </th>
            {MATRIX_COLUMNS.map((column, index) => (
              <th
                key={column.id}
                scope="col"
                className={`${STICKY_LOW} px-0.5 py-2 text-center text-xs ${index === 1 ? FIRST_STAGE : ''}`}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <EmptyRow colSpan={MATRIX_COLUMNS.length + 1} text={emptyText} />
          ) : null}
          <SpacerRow height={virtual.paddingTop} />
          {virtual.indexes.map((rowIndex) => {
            const matrixRow = rows[rowIndex];
            if (matrixRow === undefined) return null;
            return (
              <MatrixRow
                key={matrixRow.key.id}
                row={matrixRow}
                rowIndex={rowIndex}
                ariaRowIndex={virtual.enabled ? rowIndex + HEADER_ROWS + 1 : undefined}
                measure={virtual.measure}
                hidden={verdictsHidden}
                flippedColumns={flippedColumns.get(matrixRow.key.id) ?? ''}
                tabColumn={grid.tabStop.row === rowIndex ? grid.tabStop.column : -1}
                explainedColumn={explained?.row === rowIndex ? explained.column : -1}
                onCellFocus={grid.onCellFocus}
                onCellClick={grid.onCellClick}
              />
            );
          })}
          <SpacerRow height={virtual.paddingBottom} />
        </tbody>
      </MatrixTable>
      <ExplanationBox label="Cell explanation">
        {explainedRow === undefined || explainedColumn === undefined ? (
          <NoCellChosen />
        ) : verdictsHidden ? (
          <p className="text-slate-600 text-sm dark:text-slate-400">
            This verdict is {VERDICT_HIDDEN}.
          </p>
        ) : (
          <Suspense fallback={<p className="text-sm">Loading the explanation…</p>}>
            <CellExplanation
              tenant={tenant}
              row={explainedRow}
              column={explainedColumn.id}
              columnLabel={explainedColumn.label}
              cell={matrixCell(explainedRow, explainedColumn.id)}
            />
          </Suspense>
        )}
      </ExplanationBox>
    </>
  );
}

export function ValidityMatrix() {
  const tenant = useTenant();
  const allRows = useWhatIfMatrix();
  const { flipped, announcement } = useVerdictFlips(tenant, allRows);
  // Presenter mode, a prediction pending: every verdict keeps its secret until Reveal (the
  // what-if columns would give the answer away as surely as the live one, and so would the
  // announcement of a flip). The flips are still worked out, so the reveal announces its own.
  const verdictsHidden = useLiveVerdictsHidden();
  const [query, setQuery] = useState('');
  const rows = useMemo(
    () =>
      query.trim() === ''
        ? allRows
        : allRows.filter((row) =>
            matchesQuery(query, row.key.name, row.creator?.name ?? '', row.creator?.email ?? ''),
          ),
    [allRows, query],
  );
  const helpId = useId();
  // Fetch the explanation's and the exports' chunks once the matrix is on screen.
  useEffect(() => {
    void loadExplanation();
    void loadExportMenu();
  }, []);

  // Per key, its flipped columns as one string: a row's props stay equal while nothing of it
  // changed, so React skips it.
  const flippedColumns = useMemo(() => {
    const byKey = new Map<string, string>();
    for (const id of flipped) {
      const cut = id.lastIndexOf(':');
      const keyId = id.slice(0, cut);
      byKey.set(keyId, `${byKey.get(keyId) ?? ''} ${id.slice(cut + 1)}`.trim());
    }
    return byKey;
  }, [flipped]);

  return (
    <Section
      id="matrix-heading"
      title="Validity matrix"
      actions={
        <Suspense fallback={<div className="h-7" />}>
          <MatrixExportMenu tenant={tenant} rows={allRows} />
        </Suspense>
      }
    >
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
        <SearchBox
          label="Find keys"
          value={query}
          onChange={setQuery}
          placeholder="Key name, creator or email"
          shown={rows.length}
          total={allRows.length}
          noun="keys"
        />
        {/* Folded, so the rows stay on the first screen beside a lesson; the table is described
            by the text all the same. */}
        <details className="text-slate-600 text-sm dark:text-slate-400">
          <summary className="cursor-pointer py-1">How to read it</summary>
          <p id={helpId} className="mt-1 max-w-prose">
            Each row is a key; each column is its HTTP status now and after its creator is
            deactivated, reactivated, deleted or re-invited (computed on a copy of the tenant).
            Focus or click a cell to see why; arrow keys move between cells.
          </p>
        </details>
      </div>
      <p role="status" aria-live="polite" className="font-medium text-sm empty:sr-only">
        {announcement === '' || verdictsHidden ? null : `Changed: ${announcement}`}
      </p>
      <Suspense fallback={<p role="status">Loading the matrix…</p>}>
        <MatrixGrid
          key={virtualKey(rows.length)}
          tenant={tenant}
          rows={rows}
          emptyText={
            allRows.length === 0 ? 'No keys yet. Create one with “Create key”.' : 'No key matches.'
          }
          verdictsHidden={verdictsHidden}
          flippedColumns={flippedColumns}
          describedBy={helpId}
        />
      </Suspense>
    </Section>
  );
}
