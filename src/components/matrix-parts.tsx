import { type KeyboardEvent, type ReactNode, type RefObject, useEffect } from 'react';
import { type ApiKey, SCOPE_LABELS } from '../core/model';
import type { VirtualRows } from './use-virtual-rows';

/**
 * The pieces both key matrices (validity and permission) are built from: a scroll box holding a
 * table whose rows may be virtualised, a key's row header, and a cell's button.
 */
export function MatrixTable({
  label,
  describedBy,
  rowCount,
  headerRows,
  virtual,
  scrollRef,
  tableRef,
  onKeyDown,
  fixed = false,
  children,
}: {
  label: string;
  describedBy: string;
  /** Body rows in all, virtualised or not. */
  rowCount: number;
  headerRows: number;
  virtual: VirtualRows;
  scrollRef: RefObject<HTMLDivElement | null>;
  tableRef: RefObject<HTMLTableElement | null>;
  onKeyDown: (event: KeyboardEvent<HTMLTableElement>) => void;
  /**
   * Fixed layout (the key's column wider, the others shared): a verdict that changes its text
   * re-lays out its row, not every column of the table. For columns of like width.
   */
  fixed?: boolean;
  children: ReactNode;
}) {
  // A box that scrolls must be reachable from the keyboard (WCAG 2.1.1): a tab stop while its
  // table does not fit (a phone, presenter mode), none while it does, so Tab goes on to the cells.
  useEffect(() => {
    const box = scrollRef.current;
    if (box === null || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => {
      box.tabIndex =
        box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight ? 0 : -1;
    });
    observer.observe(box);
    if (box.firstElementChild !== null) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, [scrollRef]);
  return (
    // `matrix-scroll`: its key column stays in view while it scrolls sideways (index.css).
    <section
      ref={scrollRef}
      aria-label={`${label}, scrollable`}
      className={`matrix-scroll ${virtual.enabled ? 'max-h-[70vh] overflow-auto' : 'overflow-x-auto'}`}
    >
      <table
        ref={tableRef}
        aria-label={label}
        aria-describedby={describedBy}
        aria-rowcount={virtual.enabled ? rowCount + headerRows : undefined}
        onKeyDown={onKeyDown}
        className={`w-full border-collapse text-left text-sm ${fixed ? 'min-w-[33rem] table-fixed' : ''}`}
      >
        {fixed ? (
          <colgroup>
            <col className="w-36" />
          </colgroup>
        ) : null}
        {children}
      </table>
    </section>
  );
}

/** The row that stands for the rows scrolled out of view above or below (none when 0). */
export function SpacerRow({ height }: { height: number }) {
  return height > 0 ? <tr style={{ height }} /> : null;
}

/** A body with no rows says why, across the whole table. */
export function EmptyRow({ colSpan, text }: { colSpan: number; text: string }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-2 py-6 text-center text-slate-600 dark:text-slate-400">
        {text}
      </td>
    </tr>
  );
}

/** "Jane personal", and beneath it "Personal · Jane Tino". */
export function KeyRowHeader({ apiKey, creatorName }: { apiKey: ApiKey; creatorName: string }) {
  return (
    // Its box, and its place pinned left while the matrix scrolls sideways: index.css.
    <th scope="row">
      <span className="font-medium">{apiKey.name}</span>
      <span className="block text-slate-600 text-xs dark:text-slate-400">
        {SCOPE_LABELS[apiKey.scope]} · {creatorName}
      </span>
    </th>
  );
}

/** A cell's button: its status colours, and a ring while its explanation is shown. */
export function cellButtonClass(statusStyle: string, explained: boolean): string {
  return `w-full whitespace-nowrap rounded px-1 py-1 font-semibold leading-tight ${statusStyle} ${
    explained ? 'ring-2 ring-blue-600 dark:ring-blue-400' : ''
  }`;
}

/** The box under a matrix that explains the chosen cell (or says how to choose one). */
export function ExplanationBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section
      aria-label={label}
      className="rounded-md border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-950"
    >
      {children}
    </section>
  );
}

export function NoCellChosen() {
  return (
    <p className="text-slate-600 text-sm dark:text-slate-400">
      Focus or click a cell to see the rule behind it.
    </p>
  );
}
