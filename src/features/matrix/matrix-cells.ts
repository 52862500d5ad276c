import type { Verdict } from '../../core/key-verdict';
import { LIFECYCLE_STAGES, type LifecycleStage, type WhatIfRow } from '../../core/what-if';

export type MatrixColumnId = 'now' | LifecycleStage;

/** The matrix's columns: the verdict now, then each lifecycle stage of the key's creator. */
export const MATRIX_COLUMNS: ReadonlyArray<{
  readonly id: MatrixColumnId;
  readonly label: string;
}> = [
  { id: 'now', label: 'Now' },
  ...LIFECYCLE_STAGES.map(({ stage, label }) => ({ id: stage, label })),
];

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
