import type { Verdict } from '../../core/key-verdict';
import { MATRIX_COLUMNS, type MatrixColumnId, type WhatIfRow } from '../../core/what-if';

export { MATRIX_COLUMNS, type MatrixColumnId };

export type MatrixCell =
  | { readonly kind: 'verdict'; readonly verdict: Verdict }
  | { readonly kind: 'unreachable'; readonly reason: string };

export function matrixCell(row: WhatIfRow, column: MatrixColumnId): MatrixCell {
  if (column === 'now') return { kind: 'verdict', verdict: row.now };
  const cell = row.stages[column];
  return cell.reachable
    ? { kind: 'verdict', verdict: cell.verdict }
    : { kind: 'unreachable', reason: cell.reason };
}

/** "200", "401" or "n/a": what a cell says, compared to spot flips. */
export function cellStatus(cell: MatrixCell): string {
  return cell.kind === 'verdict' ? String(cell.verdict.status) : 'n/a';
}

export function cellKey(keyId: string, column: MatrixColumnId): string {
  return `${keyId}:${column}`;
}
