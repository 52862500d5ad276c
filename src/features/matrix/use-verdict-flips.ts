import { useEffect, useRef, useState } from 'react';
import { keyLabel } from '../../core/describe';
import type { Tenant } from '../../core/model';
import type { WhatIfRow } from '../../core/what-if';
import { cellKey, cellStatus, MATRIX_COLUMNS, matrixCell } from './matrix-cells';

export const FLIP_HIGHLIGHT_MS = 4000;

function statuses(rows: readonly WhatIfRow[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of rows) {
    for (const column of MATRIX_COLUMNS) {
      map.set(cellKey(row.key.id, column.id), cellStatus(matrixCell(row, column.id)));
    }
  }
  return map;
}

/**
 * After each change: which cells flipped (highlighted for a few seconds) and a sentence for the
 * live region, e.g. "Jane Tino — Personal key: 200 → 401".
 */
export function useVerdictFlips(tenant: Tenant, rows: readonly WhatIfRow[]) {
  const previous = useRef<Map<string, string> | null>(null);
  const [flipped, setFlipped] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState('');
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  useEffect(() => {
    const current = statuses(rows);
    const before = previous.current;
    previous.current = current;
    if (before === null) return;
    const changed = new Set<string>();
    const lines: string[] = [];
    for (const row of rows) {
      for (const column of MATRIX_COLUMNS) {
        const id = cellKey(row.key.id, column.id);
        const was = before.get(id);
        const now = current.get(id);
        if (was === undefined || was === now) continue;
        changed.add(id);
        if (column.id === 'now') lines.push(`${keyLabel(tenant, row.key)}: ${was} → ${now}`);
      }
    }
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
