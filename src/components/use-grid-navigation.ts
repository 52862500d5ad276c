import {
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import type { VirtualRows } from './use-virtual-rows';

export interface GridPosition {
  readonly row: number;
  readonly column: number;
}

/** What a cell's button needs: its place in the roving tab order, and focus or click explains it. */
export interface GridCellProps {
  readonly tabIndex: 0 | -1;
  readonly onFocus: () => void;
  readonly onClick: () => void;
}

export interface GridNavigation {
  /** The cell focused or clicked last: the one to explain. */
  readonly explained: GridPosition | null;
  /** The cell that holds the grid's one tab stop. */
  readonly tabStop: GridPosition;
  /** Stable across renders (for memoised rows): a cell's button got focus, or was clicked. */
  readonly onCellFocus: (row: number, column: number) => void;
  readonly onCellClick: (row: number, column: number) => void;
  readonly isExplained: (row: number, column: number) => boolean;
  readonly cellProps: (row: number, column: number) => GridCellProps;
  /** Arrow keys, Home and End (Ctrl: first or last row); put it on the <table>. */
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * A grid of cell buttons with one tab stop (roving tabindex), walked with arrows, Home and End.
 * Each cell is a `<td data-row-index data-column-index>` holding one <button>. In a virtualised
 * table a target row may not be in the page yet: the grid scrolls to it and focuses it once it
 * has been rendered.
 */
export function useGridNavigation(
  tableRef: RefObject<HTMLTableElement | null>,
  rowCount: number,
  columnCount: number,
  virtual: Pick<VirtualRows, 'indexes' | 'scrollToIndex'>,
): GridNavigation {
  const [active, setActive] = useState<GridPosition>({ row: 0, column: 0 });
  const [explained, setExplained] = useState<GridPosition | null>(null);
  const pendingFocus = useRef<GridPosition | null>(null);

  // Keep the roving position inside the grid when rows disappear (a search, a scenario switch).
  const current = { row: Math.min(active.row, Math.max(rowCount - 1, 0)), column: active.column };

  const cellButton = (position: GridPosition) =>
    tableRef.current?.querySelector<HTMLButtonElement>(
      `[data-row-index="${position.row}"][data-column-index="${position.column}"] button`,
    );

  useEffect(() => {
    const position = pendingFocus.current;
    const button = position === null ? undefined : cellButton(position);
    if (button === undefined || button === null) return;
    pendingFocus.current = null;
    button.focus();
  });

  const focusCell = (position: GridPosition) => {
    setActive(position);
    setExplained(position);
    const button = cellButton(position);
    if (button !== undefined && button !== null) {
      button.focus();
      virtual.scrollToIndex(position.row);
      return;
    }
    pendingFocus.current = position;
    virtual.scrollToIndex(position.row);
  };

  // The tab stop stays in the rendered rows, so Tab always lands in the grid.
  const tabRow = virtual.indexes.includes(current.row) ? current.row : (virtual.indexes[0] ?? 0);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const lastRow = rowCount - 1;
    const lastColumn = columnCount - 1;
    const moves: Record<string, GridPosition> = {
      ArrowUp: { row: Math.max(current.row - 1, 0), column: current.column },
      ArrowDown: { row: Math.min(current.row + 1, lastRow), column: current.column },
      ArrowLeft: { row: current.row, column: Math.max(current.column - 1, 0) },
      ArrowRight: { row: current.row, column: Math.min(current.column + 1, lastColumn) },
      Home: { row: event.ctrlKey ? 0 : current.row, column: 0 },
      End: { row: event.ctrlKey ? lastRow : current.row, column: lastColumn },
    };
    const next = moves[event.key];
    if (next === undefined || rowCount === 0) return;
    event.preventDefault();
    focusCell(next);
  };

  const onCellFocus = useCallback((row: number, column: number) => {
    setActive({ row, column });
    setExplained({ row, column });
  }, []);
  const onCellClick = useCallback((row: number, column: number) => {
    setExplained({ row, column });
  }, []);

  return {
    explained,
    tabStop: { row: tabRow, column: current.column },
    onCellFocus,
    onCellClick,
    isExplained: (row, column) => explained?.row === row && explained.column === column,
    cellProps: (row, column) => ({
      tabIndex: tabRow === row && current.column === column ? 0 : -1,
      onFocus: () => onCellFocus(row, column),
      onClick: () => onCellClick(row, column),
    }),
    onKeyDown,
  };
}
