import { type RefObject, use } from 'react';

/** Below this many rows a table renders every row: no scroll box, nothing to virtualise. */
export const VIRTUALISE_ABOVE = 200;

type VirtualModule = typeof import('@tanstack/react-virtual');

/**
 * A promise that says, once settled, how it settled: `use` reads `status` and `value` and returns
 * a fulfilled one's value in the same render. Without them React suspends once on every promise it
 * has not seen settle, and a big table that mounts during a long render (a large tenant landing)
 * showed "Loading the … table" for as long as the rest of that render took, module long since here.
 */
type SettledPromise<T> = Promise<T> & { status?: 'fulfilled'; value?: T };

let loadingModule: SettledPromise<VirtualModule> | null = null;

/**
 * TanStack Virtual, loaded on first need (and fetched while idle after the first paint): small
 * tables, the default scenario's, never need it, so it stays out of the initial chunk.
 * A failed fetch is forgotten, so the next need tries again.
 */
export function loadVirtualizer(): Promise<VirtualModule> {
  if (loadingModule === null) {
    const loading: SettledPromise<VirtualModule> = import('@tanstack/react-virtual');
    loading.then(
      (module) => {
        loading.value = module;
        loading.status = 'fulfilled';
      },
      () => {
        loadingModule = null;
      },
    );
    loadingModule = loading;
  }
  return loadingModule;
}

/**
 * The `key` for the component that calls `useVirtualRows`: it changes when virtualisation turns
 * on or off, so that component is mounted afresh, since the two use different hooks.
 */
export function virtualKey(count: number): 'virtual' | 'plain' {
  return count > VIRTUALISE_ABOVE ? 'virtual' : 'plain';
}

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
 * Over `VIRTUALISE_ABOVE` rows it may suspend until TanStack Virtual has loaded: call it under a
 * Suspense boundary, in a component keyed with `virtualKey(count)`.
 */
export function useVirtualRows(
  count: number,
  scrollRef: RefObject<HTMLElement | null>,
  estimateSize: number,
): VirtualRows {
  if (count <= VIRTUALISE_ABOVE) {
    return {
      enabled: false,
      indexes: Array.from({ length: count }, (_, index) => index),
      paddingTop: 0,
      paddingBottom: 0,
      measure: noMeasure,
      scrollToIndex: noMeasure,
    };
  }
  // `use` on every render, even once the module is here: were it skipped on the render React
  // replays after the suspension, the virtualiser's first hook would run as an update (React
  // error #467). The promise is the same each time, so after the first load it never suspends.
  const { useVirtualizer } = use(loadVirtualizer());
  // biome-ignore lint/correctness/useHookAtTopLevel: called on every render of a mount or on none; the caller is keyed with virtualKey(count).
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    enabled: true,
    indexes: items.map((item) => item.index),
    paddingTop: first?.start ?? 0,
    paddingBottom: last === undefined ? 0 : virtualizer.getTotalSize() - last.end,
    measure: virtualizer.measureElement,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  };
}
