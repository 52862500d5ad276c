import { Suspense, useEffect, useId, useState } from 'react';
import { Button } from '../../components/button';
import { focusOrViewHeading } from '../../components/focus-after';
import { formatCount } from '../../components/search-box';
import { virtualKey } from '../../components/use-virtual-rows';
import { describeEvent } from '../../core/describe';
import { type TenantStore, useTenantStore } from '../../store/tenant-store';
import { momentLabel } from './timeline-format';
import { TimelineList } from './timeline-list';
import { selectTenantAtEnd } from './timeline-tenant';

/** "Showing the moment after event 12 of 15: Jane Tino was deactivated by the console". */
function moveAnnouncement(state: TenantStore): string {
  const { events, cursor } = state;
  const event = events[cursor - 1];
  const moment = `Showing the moment ${momentLabel(cursor, events.length)}`;
  const present = cursor === events.length ? ' (the present)' : '';
  return event === undefined
    ? `${moment}${present}.`
    : `${moment}${present}: ${describeEvent(selectTenantAtEnd(state), event)}`;
}

/**
 * A sentence for the live region each time the cursor moves through the same log (undo, redo,
 * time travel). A new change or another scenario clears it: other regions announce those.
 */
function useMoveAnnouncement(): string {
  const [announcement, setAnnouncement] = useState('');
  useEffect(
    () =>
      useTenantStore.subscribe((state, previous) => {
        if (state.events !== previous.events || state.genesis !== previous.genesis) {
          setAnnouncement('');
        } else if (state.cursor !== previous.cursor) {
          setAnnouncement(moveAnnouncement(state));
        }
      }),
    [],
  );
  return announcement;
}

/**
 * The Timeline view: every event of the log with its time, actor and plain-language line, the
 * redo branch after the cursor, and time travel to the moment after any event. Undo and Redo
 * (also Ctrl+Z and Shift+Ctrl+Z, Cmd on a Mac) are in the header, for every view.
 */
export function TimelineView() {
  const cursor = useTenantStore((s) => s.cursor);
  const total = useTenantStore((s) => s.events.length);
  const goTo = useTenantStore((s) => s.goTo);
  const announcement = useMoveAnnouncement();
  const helpId = useId();
  const past = cursor < total;
  return (
    <div className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <p id={helpId} className="text-slate-600 text-sm dark:text-slate-400">
        Every change is an event. Choose one to see the tenant right after it; the later events stay
        as the redo branch, marked <em>Undone</em>, until a new change drops them. Undo and Redo are
        in the header (Ctrl+Z and Shift+Ctrl+Z, ⌘Z and ⇧⌘Z on a Mac, except while typing in a
        field). In an earlier moment the simulated API answers from it and refuses changes with 409.
        Arrow keys move between events.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <p
          className={`grow rounded-md border px-3 py-2 text-sm ${
            past
              ? 'border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100'
              : 'border-slate-200 text-slate-800 dark:border-slate-700 dark:text-slate-200'
          }`}
        >
          <span className="font-semibold">You are here: {momentLabel(cursor, total)}</span>
          {past
            ? ` — an earlier moment; ${formatCount(total - cursor)} later ${
                total - cursor === 1 ? 'event' : 'events'
              } can be redone.`
            : ' — the present.'}
        </p>
        <Button
          variant="primary"
          onClick={() => {
            goTo(useTenantStore.getState().events.length);
            // This button is disabled in the present: focus goes to the moment now shown.
            focusOrViewHeading('table[aria-label="Timeline"] [aria-current="step"]');
          }}
          disabled={!past}
        >
          Back to the present
        </Button>
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <Suspense fallback={<p role="status">Loading the timeline…</p>}>
        <TimelineList key={virtualKey(total + 1)} describedBy={helpId} />
      </Suspense>
    </div>
  );
}
