import { type ColumnFiltersState, type SortingState, useTable } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { formatCount } from '../../components/search-box';
import { verdictText } from '../../core/key-verdict';
import { KEY_SCOPES, SCOPE_LABELS } from '../../core/model';
import type { WhatIfRow } from '../../core/what-if';
import { useTenant, useWhatIfMatrix } from '../../store/use-tenant';
import { useLiveVerdictsHidden, VERDICT_HIDDEN } from '../presenter/use-presenter';
import { getKeysColumns, keysFeatures } from './keys-columns';

const getRowId = (row: WhatIfRow) => row.key.id;
const rowProps = (row: WhatIfRow) => ({ 'data-key-id': row.key.id });

function filterValue(filters: ColumnFiltersState, id: string): string {
  const value = filters.find((filter) => filter.id === id)?.value;
  return typeof value === 'string' ? value : '';
}

function withFilter(filters: ColumnFiltersState, id: string, value: string): ColumnFiltersState {
  const others = filters.filter((filter) => filter.id !== id);
  return value === '' ? others : [...others, { id, value }];
}

const snapshots = new WeakMap<object, readonly WhatIfRow[]>();

/**
 * The rows as they were when the key list last changed (a key created or deleted). A status
 * change does not touch them, so TanStack keeps its row model; the verdict cells read live.
 */
function snapshotFor(keys: object, rows: readonly WhatIfRow[]): readonly WhatIfRow[] {
  let snapshot = snapshots.get(keys);
  if (snapshot === undefined) {
    snapshot = rows;
    snapshots.set(keys, snapshot);
  }
  return snapshot;
}

/** The sorting or filters without those by verdict. */
function withoutVerdict<T extends { id: string }>(list: T[]): T[] {
  return list.some((item) => item.id === 'verdict')
    ? list.filter((item) => item.id !== 'verdict')
    : list;
}

export function KeysTable() {
  const { teams, keys } = useTenant();
  const rows = useWhatIfMatrix();
  // Presenter mode, a prediction open: the verdicts wait for the reveal, and so do their filter,
  // their sorting and the count they would give ("Showing 1 of 8 keys"). Both are kept, and come
  // back with the verdicts.
  const verdictsHidden = useLiveVerdictsHidden();
  const columns = useMemo(() => getKeysColumns(teams, verdictsHidden), [teams, verdictsHidden]);
  const [chosenSorting, setSorting] = useState<SortingState>([]);
  const [chosenFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const sorting = verdictsHidden ? withoutVerdict(chosenSorting) : chosenSorting;
  const columnFilters = verdictsHidden ? withoutVerdict(chosenFilters) : chosenFilters;
  // Sorting or filtering by verdict needs the live verdicts in the row model itself.
  const byVerdict =
    sorting.some((sort) => sort.id === 'verdict') ||
    columnFilters.some((filter) => filter.id === 'verdict');
  const data = byVerdict ? rows : snapshotFor(keys, rows);
  const table = useTable({
    features: keysFeatures,
    columns,
    data,
    getRowId,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
  });
  const verdictFilter = filterValue(chosenFilters, 'verdict');
  // Keep the chosen verdict listed even when no key has it any more, so the select stays honest.
  const verdictOptions = useMemo(() => {
    if (verdictsHidden) return [];
    // Verdicts are shared constants: collect the few distinct ones, then name them.
    const distinct = new Set<WhatIfRow['now']>();
    for (const row of rows) distinct.add(row.now);
    const texts = new Set([...distinct].map(verdictText));
    if (verdictFilter !== '') texts.add(verdictFilter);
    return [...texts].sort();
  }, [rows, verdictFilter, verdictsHidden]);
  const scopeId = useId();
  const verdictId = useId();
  const shown = table.getRowModel().rows.length;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label htmlFor={scopeId} className="flex flex-col gap-1">
          Filter by scope
          <select
            id={scopeId}
            className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
            value={filterValue(columnFilters, 'scope')}
            onChange={(e) => setColumnFilters((f) => withFilter(f, 'scope', e.target.value))}
          >
            <option value="">All scopes</option>
            {KEY_SCOPES.map((scope) => (
              <option key={scope} value={SCOPE_LABELS[scope]}>
                {SCOPE_LABELS[scope]}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={verdictId} className="flex flex-col gap-1">
          Filter by verdict
          {verdictsHidden ? (
            // Disabled, not gone: the control keeps its place and its name, and says why.
            <select
              id={verdictId}
              disabled
              className="rounded border border-slate-300 bg-slate-100 px-2 py-1 text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-300"
              value=""
            >
              <option value="">{VERDICT_HIDDEN}</option>
            </select>
          ) : (
            <select
              id={verdictId}
              className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
              value={verdictFilter}
              onChange={(e) => setColumnFilters((f) => withFilter(f, 'verdict', e.target.value))}
            >
              <option value="">All verdicts</option>
              {verdictOptions.map((text) => (
                <option key={text} value={text}>
                  {text}
                </option>
              ))}
            </select>
          )}
        </label>
        <p className="text-slate-600 dark:text-slate-400" aria-live="polite">
          Showing {formatCount(shown)} of {formatCount(rows.length)} keys
        </p>
      </div>
      <DataTable
        table={table}
        label="Keys"
        empty={
          data.length === 0
            ? 'No keys yet. Create one with “Create key”.'
            : 'No key matches the filters.'
        }
        rowProps={rowProps}
      />
    </div>
  );
}
