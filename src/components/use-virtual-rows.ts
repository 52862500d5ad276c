import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/** Below this many rows a table renders every row: no scroll box, nothing to virtualise. */
export const VIRTUALISE_ABOVE = 200;

export interface VirtualRows {
  readonly enabled: boolean;
  /** Indexes of the rows to render, in order. */
  readonly indexes: readonly number[];
  /** Height of the spacer rows above and below the rendered ones, in px. */
  readonly paddingTop: number;
  readonly paddingBottom: number;
  /** Give a rendered <tr> its measured height (pass `data-index` on the row). */
  readonly measure: (node: HTMLTableRowElement | null) => void;
  readonly scrollToIndex: (index: number) => void;
}

const noMeasure = () => {};

/**
 * Row virtualisation for a real <table>: only the visible rows are rendered, between two spacer
 * rows, so the table keeps its native semantics and layout (no display:grid, no absolute rows).
 */
export function useVirtualRows(
  count: number,
  scrollRef: RefObject<HTMLElement | null>,
  estimateSize: number,
): VirtualRows {
  const enabled = count > VIRTUALISE_ABOVE;
  const virtualizer = useVirtualizer({
    count,
    enabled,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    overscan: 8,
  });
  if (!enabled) {
    return {
      enabled,
      indexes: Array.from({ length: count }, (_, index) => index),
      paddingTop: 0,
      paddingBottom: 0,
      measure: noMeasure,
      scrollToIndex: noMeasure,
    };
  }
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    enabled,
    indexes: items.map((item) => item.index),
    paddingTop: first?.start ?? 0,
    paddingBottom: last === undefined ? 0 : virtualizer.getTotalSize() - last.end,
    measure: virtualizer.measureElement,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  };
}
