import { type ComponentType, lazy, Suspense, useDeferredValue, useEffect, useRef } from 'react';
import { loadVirtualizer } from '../components/use-virtual-rows';
import { prefetchLessons } from '../features/lifecycle/lifecycle-view';
import { prefetchPersonDialogs } from '../features/people/person-actions';
import type { ViewId } from '../navigation/view-param';
import { useViewStore } from '../navigation/view-store';
import { VIEWS, type ViewEntry, viewEntry } from './views';

/** Views whose chunk has arrived: rendered at once, with no Suspense fallback in between. */
const loaded = new Map<ViewId, ComponentType>();
const loading = new Map<ViewId, Promise<ComponentType>>();

function load(entry: ViewEntry): Promise<ComponentType> {
  const { component } = entry;
  if (component.kind === 'static') return Promise.resolve(component.View);
  let promise = loading.get(entry.id);
  if (promise === undefined) {
    promise = component.load().then((View) => {
      loaded.set(entry.id, View);
      return View;
    });
    // A failed fetch (offline, a new deploy) is tried again on the next visit.
    promise.catch(() => loading.delete(entry.id));
    loading.set(entry.id, promise);
  }
  return promise;
}

/** One lazy wrapper per view, made once, for a view opened before its chunk arrived. */
const lazyViews = new Map(
  VIEWS.map((entry) => [entry.id, lazy(() => load(entry).then((View) => ({ default: View })))]),
);

function whenIdle(run: () => void): void {
  if (typeof window.requestIdleCallback === 'function') {
    window.requestIdleCallback(run, { timeout: 2_000 });
  } else {
    setTimeout(run, 200);
  }
}

/**
 * Fetches the row dialogs, the notice and past banners, the virtualiser, every other view's chunk,
 * then the lessons', one at a time while the browser is idle, once the first view is drawn: a
 * click on a link then renders at once. A failed fetch is left for the visit itself.
 */
export function prefetchViews(): void {
  const pending: Array<() => Promise<unknown>> = [
    prefetchPersonDialogs,
    () => import('./notice-banner'),
    () => import('./asking-slot'),
    () => import('../features/timeline/past-banner'),
    loadVirtualizer,
    ...VIEWS.filter((entry) => entry.component.kind === 'lazy').map((entry) => () => load(entry)),
    prefetchLessons,
  ];
  const next = () => {
    const fetch = pending.shift();
    if (fetch === undefined) return;
    void fetch()
      .catch(() => undefined)
      .then(() => whenIdle(next));
  };
  whenIdle(next);
}

/** The focus token last honoured: a heading takes focus once per navigation, not per mount. */
let focusedToken = 0;

function ViewHeading({ entry }: { entry: ViewEntry }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const focusToken = useViewStore((s) => s.focusToken);
  useEffect(() => {
    if (focusToken === focusedToken) return;
    focusedToken = focusToken;
    ref.current?.focus();
  }, [focusToken]);
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <h2
        id="view-heading"
        ref={ref}
        tabIndex={-1}
        className="font-bold text-lg focus:outline-none focus-visible:outline-2"
      >
        {entry.label}
      </h2>
      <p className="text-slate-600 text-sm dark:text-slate-400">{entry.summary}</p>
    </div>
  );
}

function ViewBody({ entry }: { entry: ViewEntry }) {
  const { component } = entry;
  if (component.kind === 'static') return <component.View />;
  const Ready = loaded.get(entry.id);
  if (Ready !== undefined) return <Ready />;
  const Lazy = lazyViews.get(entry.id);
  if (Lazy === undefined) return null;
  return (
    <Suspense
      fallback={
        <p role="status" className="text-slate-600 text-sm dark:text-slate-400">
          Loading {entry.label}…
        </p>
      }
    >
      <Lazy />
    </Suspense>
  );
}

/**
 * The one view the console shows, as a region named by its heading. Only it is mounted. The
 * heading (and the link marked current) answers a click at once; the view's body follows in a
 * deferred render, so a heavy view (10,000 rows) never holds back that first feedback.
 */
export function ViewOutlet() {
  const view = useViewStore((s) => s.view);
  const shown = useDeferredValue(view);
  const entry = viewEntry(view);
  return (
    <section key={entry.id} aria-labelledby="view-heading" className="flex flex-col gap-3">
      <ViewHeading entry={entry} />
      {shown === view ? <ViewBody entry={entry} /> : null}
    </section>
  );
}
