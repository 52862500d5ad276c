import { useEffect, useRef, useState } from 'react';
import { keyLabel } from '../../core/describe';
import type { Tenant } from '../../core/model';
import type { WhatIfRow } from '../../core/what-if';
import { cellKey, cellStatus, MATRIX_COLUMNS, matrixCell } from './matrix-cells';

export const FLIP_HIGHLIGHT_MS = 4000;

/**
 * After each change: which cells flipped (highlighted for a few seconds) and a sentence for the
 * live region, e.g. "Jane Tino — Personal key: 200 → 401". Rows the change did not recompute
 * are the very same objects as before, so only the recomputed ones are compared.
 */
export function useVerdictFlips(tenant: Tenant, rows: readonly WhatIfRow[]) {
  const previous = useRef<readonly WhatIfRow[] | null>(null);
  const [flipped, setFlipped] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState('');
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  useEffect(() => {
    const before = previous.current;
    previous.current = rows;
    if (before === null || before === rows) return;
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
    if (changed.size === 0) return;
    setFlipped(changed);
    setAnnouncement(
      lines.length > 0
        ? lines.join('. ')
        : `${changed.size} what-if ${changed.size === 1 ? 'cell' : 'cells'} changed; no key changed now.`,
    );
    // A change with no flips leaves the running highlight alone; a new flip restarts it.
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setFlipped(new Set()), FLIP_HIGHLIGHT_MS);
  }, [tenant, rows]);

  return { flipped, announcement };
}
