import { useEffect, useState } from 'react';
import { keyLabel } from '../../core/key-label';
import type { Tenant } from '../../core/model';
import type { WhatIfRow } from '../../core/what-if';
import { cellKey, cellStatus, MATRIX_COLUMNS, matrixCell } from './matrix-cells';

export const FLIP_HIGHLIGHT_MS = 4000;

interface Flips {
  /** The rows these flips were computed against. */
  readonly rows: readonly WhatIfRow[];
  /** `cellKey`s of the cells highlighted now. */
  readonly flipped: ReadonlySet<string>;
  readonly announcement: string;
}

const NONE: ReadonlySet<string> = new Set();

/** The cells whose status differs between two renders' rows, and the sentence for the "Now" ones. */
function diffRows(
  tenant: Tenant,
  before: readonly WhatIfRow[],
  rows: readonly WhatIfRow[],
): { changed: Set<string>; lines: string[] } {
  const beforeById = new Map<string, WhatIfRow>();
  const changed = new Set<string>();
  const lines: string[] = [];
  rows.forEach((row, index) => {
    if (row === before[index]) return;
    // A recomputed row: find its earlier self (same position, or anywhere after a reset).
    let old = before[index];
    if (old?.key.id !== row.key.id) {
      if (beforeById.size === 0) for (const r of before) beforeById.set(r.key.id, r);
      old = beforeById.get(row.key.id);
    }
    if (old === undefined) return;
    for (const column of MATRIX_COLUMNS) {
      const was = cellStatus(matrixCell(old, column.id));
      const now = cellStatus(matrixCell(row, column.id));
      if (was === now) continue;
      changed.add(cellKey(row.key.id, column.id));
      if (column.id === 'now') lines.push(`${keyLabel(tenant, row.key)}: ${was} → ${now}`);
    }
  });
  return { changed, lines };
}

/**
 * After each change: which cells flipped (highlighted for a few seconds) and a sentence for the
 * live region, e.g. "Jane Tino — Personal key: 200 → 401". Rows the change did not recompute
 * are the very same objects as before, so only the recomputed ones are compared. Worked out
 * while rendering (React's "information from previous renders" pattern), not in an effect: the
 * flip shows in the same frame as the change, with one render of the matrix instead of two.
 */
export function useVerdictFlips(tenant: Tenant, rows: readonly WhatIfRow[]) {
  const [flips, setFlips] = useState<Flips>(() => ({ rows, flipped: NONE, announcement: '' }));
  let current = flips;
  if (flips.rows !== rows) {
    const { changed, lines } = diffRows(tenant, flips.rows, rows);
    // A change with no flips leaves the running highlight alone; a new flip restarts it.
    current =
      changed.size === 0
        ? { ...flips, rows }
        : {
            rows,
            flipped: changed,
            announcement:
              lines.length > 0
                ? lines.join('. ')
                : `${changed.size} what-if ${changed.size === 1 ? 'cell' : 'cells'} changed; no key changed now.`,
          };
    setFlips(current);
  }
  const { flipped } = current;

  useEffect(() => {
    if (flipped.size === 0) return;
    const timer = window.setTimeout(
      () => setFlips((state) => (state.flipped === flipped ? { ...state, flipped: NONE } : state)),
      FLIP_HIGHLIGHT_MS,
    );
    return () => window.clearTimeout(timer);
  }, [flipped]);

  return { flipped, announcement: current.announcement };
}
