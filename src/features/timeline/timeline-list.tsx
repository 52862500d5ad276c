import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { IsolatedNames } from '../../components/isolated-names';
import { formatCount } from '../../components/search-box';
import { useVirtualRows, type VirtualRows } from '../../components/use-virtual-rows';
import { describeEventParts } from '../../core/describe';
import { useTenantStore } from '../../store/tenant-store';
import { actorLabel, formatUtc } from './timeline-format';
import { selectTenantAtEnd } from './timeline-tenant';

/** Estimated row height in px, for virtualisation. */
const ROW_HEIGHT = 37;

/** Rows an arrow key with Page Up or Page Down skips. */
const PAGE = 10;

export const BEFORE_FIRST_EVENT = 'Before the first event';

/**
 * Scroll the box just enough to show row `index` (below its sticky header), without moving the
 * page: an undo from the keyboard elsewhere on the page must not jump the page to the timeline.
 */
function revealRow(box: HTMLElement | null, virtual: VirtualRows, index: number): void {
  if (virtual.enabled) {
    virtual.scrollToIndex(index);
    return;
  }
  const row = box?.querySelector<HTMLElement>(`tbody tr[data-index="${index}"]`);
  if (box == null || row == null) return;
  const view = box.getBoundingClientRect();
  const header = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
  const place = row.getBoundingClientRect();
  if (place.top < view.top + header) box.scrollTop -= view.top + header - place.top;
  else if (place.bottom > view.bottom) box.scrollTop += place.bottom - view.bottom;
}

/**
 * The whole log as a table, oldest first, after a "Before the first event" row: row N is the
 * moment after N events, so the row the cursor names is the current one. Rows after it are the
 * redo branch. Each row's event is a button that moves the cursor there; one of them is in the
 * tab order (roving tabindex), and arrows, Page Up/Down, Home and End walk the rest. Long logs
 * (the large scenario has about 51,000 events) are virtualised: only the rows in view exist.
 */
export function TimelineList({ describedBy }: { describedBy: string }) {
  const genesis = useTenantStore((s) => s.genesis);
  const events = useTenantStore((s) => s.events);
  const cursor = useTenantStore((s) => s.cursor);
  const goTo = useTenantStore((s) => s.goTo);
  const names = useTenantStore(selectTenantAtEnd);
  const rowCount = events.length + 1;
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const virtual = useVirtualRows(rowCount, scrollRef, ROW_HEIGHT);
  const baseId = useId();

  // The latest rows, for effects that run on a cursor move only.
  const latest = useRef(virtual);
  useEffect(() => {
    latest.current = virtual;
  });
  useEffect(() => {
    revealRow(scrollRef.current, latest.current, cursor);
  }, [cursor]);

  // Roving tabindex: the row focused last, else the current one, else the first in view.
  const [active, setActive] = useState<number | null>(null);
  const pendingFocus = useRef<number | null>(null);
  const rendered = (row: number | null) => row !== null && virtual.indexes.includes(row);
  const tabRow =
    active !== null && active < rowCount && rendered(active)
      ? active
      : rendered(cursor)
        ? cursor
        : (virtual.indexes[0] ?? 0);

  const rowButton = (row: number) =>
    tableRef.current?.querySelector<HTMLButtonElement>(`[data-row-index="${row}"] button`) ?? null;

  useEffect(() => {
    const row = pendingFocus.current;
    const button = row === null ? null : rowButton(row);
    if (button === null) return;
    pendingFocus.current = null;
    button.focus();
  });

  const focusRow = (row: number) => {
    setActive(row);
    const button = rowButton(row);
    if (button === null) pendingFocus.current = row;
    else button.focus();
    latest.current.scrollToIndex(row);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const from = active ?? cursor;
    const last = rowCount - 1;
    const moves: Record<string, number> = {
      ArrowUp: Math.max(from - 1, 0),
      ArrowDown: Math.min(from + 1, last),
      PageUp: Math.max(from - PAGE, 0),
      PageDown: Math.min(from + PAGE, last),
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusRow(next);
  };

  return (
    <div
      ref={scrollRef}
      className="max-h-[26rem] overflow-auto rounded border border-slate-200 dark:border-slate-700"
      // A scrollable region must be reachable from the keyboard (WCAG 2.1.1).
      {...{ tabIndex: 0, role: 'region', 'aria-label': 'Timeline, scrollable' }}
    >
      <table
        ref={tableRef}
        aria-label="Timeline"
        aria-describedby={describedBy}
        aria-rowcount={virtual.enabled ? rowCount + 1 : undefined}
        onKeyDown={onKeyDown}
        className="w-full border-collapse text-left text-sm"
      >
        <thead className="text-slate-700 dark:text-slate-300">
          <tr aria-rowindex={virtual.enabled ? 1 : undefined}>
            {['Event', 'Time (UTC)', 'By', 'What happened', 'State'].map((label) => (
              <th
                key={label}
                scope="col"
                className="sticky top-0 z-10 border-slate-200 border-b bg-white px-2 py-2 font-semibold dark:border-slate-700 dark:bg-slate-900"
              >
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {virtual.paddingTop > 0 ? <tr style={{ height: virtual.paddingTop }} /> : null}
          {virtual.indexes.map((row) => {
            const event = row === 0 ? undefined : events[row - 1];
            if (row > 0 && event === undefined) return null;
            const state = row === cursor ? 'current' : row > cursor ? 'undone' : 'done';
            const id = `${baseId}-${row}`;
            return (
              <tr
                key={row}
                ref={virtual.measure}
                data-index={row}
                data-state={state}
                aria-rowindex={virtual.enabled ? row + 2 : undefined}
                className={`border-slate-100 border-b last:border-0 dark:border-slate-800 ${
                  state === 'current'
                    ? 'bg-blue-50 dark:bg-blue-950'
                    : state === 'undone'
                      ? 'bg-slate-50 text-slate-600 italic dark:bg-slate-950 dark:text-slate-400'
                      : ''
                }`}
              >
                <th scope="row" className="px-2 py-1.5 font-normal tabular-nums">
                  {formatCount(row)}
                </th>
                <td id={`${id}-time`} className="whitespace-nowrap px-2 py-1.5 tabular-nums">
                  {formatUtc(event?.at ?? genesis.startsAt)}
                </td>
                <td id={`${id}-by`} className="px-2 py-1.5">
                  {event === undefined ? 'Start' : <bdi>{actorLabel(names, event.actor)}</bdi>}
                </td>
                <td data-row-index={row} className="px-2 py-1">
                  <button
                    type="button"
                    tabIndex={row === tabRow ? 0 : -1}
                    aria-current={state === 'current' ? 'step' : undefined}
                    aria-describedby={`${id}-time ${id}-by ${id}-state`}
                    onFocus={() => setActive(row)}
                    onClick={() => goTo(row)}
                    className={`w-full rounded px-1 py-0.5 text-left hover:bg-slate-200 hover:underline dark:hover:bg-slate-700 ${
                      state === 'current' ? 'font-semibold' : ''
                    }`}
                  >
                    {event === undefined ? (
                      BEFORE_FIRST_EVENT
                    ) : (
                      <IsolatedNames parts={describeEventParts(names, event)} />
                    )}
                  </button>
                </td>
                <td id={`${id}-state`} className="whitespace-nowrap px-2 py-1.5">
                  <StateBadge state={state} />
                </td>
              </tr>
            );
          })}
          {virtual.paddingBottom > 0 ? <tr style={{ height: virtual.paddingBottom }} /> : null}
        </tbody>
      </table>
    </div>
  );
}

/** In words first (readable without colour); the colours and the border style repeat it. */
function StateBadge({ state }: { state: 'current' | 'undone' | 'done' }) {
  if (state === 'done') return <span className="sr-only">In effect</span>;
  return state === 'current' ? (
    <span className="inline-flex items-center gap-1 rounded border border-blue-700 px-1.5 font-semibold text-blue-900 dark:border-blue-300 dark:text-blue-100">
      <span aria-hidden="true">▶</span>
      You are here
    </span>
  ) : (
    <span className="rounded border border-slate-500 border-dashed px-1.5 text-slate-700 dark:border-slate-400 dark:text-slate-300">
      Undone
    </span>
  );
}
