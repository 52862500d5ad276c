import { lazy, type ReactNode, Suspense } from 'react';
import { Section } from '../components/section';
import { findScenario } from '../core/scenarios/scenario-catalog';
import { ValidityMatrix } from '../features/matrix/validity-matrix';
import { PeopleTable } from '../features/people/people-table';
import { PastBanner } from '../features/timeline/past-banner';
import { useTenantStore } from '../store/tenant-store';
import { AppHeader } from './app-header';
import { NoticeBanner } from './notice-banner';

function ScenarioSummary() {
  const scenarioId = useTenantStore((s) => s.scenarioId);
  const summary = findScenario(scenarioId)?.summary;
  return summary === undefined ? null : (
    <p className="max-w-5xl text-slate-700 text-sm dark:text-slate-300">{summary}</p>
  );
}

/** Announces a generated scenario while it is built; the region stays mounted so it is heard. */
function LoadingStatus() {
  const loading = useTenantStore((s) => s.loading);
  const entry = loading === null ? undefined : findScenario(loading.id);
  return (
    <div role="status">
      {loading !== null && entry?.kind === 'generated' ? (
        <p className="mt-2 flex items-center gap-2 rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-blue-900 text-sm dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100">
          <span
            aria-hidden="true"
            className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent motion-reduce:animate-none"
          />
          {entry.loadingMessage(loading.params)}
        </p>
      ) : null}
    </div>
  );
}

// Below the fold (TanStack's sorting and filtering, the permission matrix): out of the initial chunk.
const KeysPanel = lazy(() =>
  import('./below-the-fold').then((module) => ({ default: module.KeysPanel })),
);
const PermissionPanel = lazy(() =>
  import('./below-the-fold').then((module) => ({
    default: module.PermissionPanel,
  })),
);
const TimelinePanel = lazy(() =>
  import('./below-the-fold').then((module) => ({ default: module.TimelinePanel })),
);
const TourPanel = lazy(() =>
  import('./below-the-fold').then((module) => ({ default: module.TourPanel })),
);
const RequestConsole = lazy(() =>
  import('./below-the-fold').then((module) => ({ default: module.RequestConsole })),
);
const SharePanel = lazy(() =>
  import('./below-the-fold').then((module) => ({ default: module.SharePanel })),
);
const PredictPanel = lazy(() =>
  import('./below-the-fold').then((module) => ({ default: module.PredictPanel })),
);

/** A panel loaded after the first render: its titled section says so until it arrives. */
function Deferred({
  id,
  title,
  waiting,
  children,
}: {
  id: string;
  title: string;
  waiting: string;
  children: ReactNode;
}) {
  return (
    <Suspense
      fallback={
        <Section id={id} title={title}>
          <p role="status" className="text-slate-600 text-sm dark:text-slate-400">
            {waiting}
          </p>
        </Section>
      }
    >
      {children}
    </Suspense>
  );
}

export function App() {
  return (
    <>
      <AppHeader />
      <main className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-4">
        <Deferred id="tour-heading" title="Guided tour" waiting="Loading the guided tour…">
          <TourPanel />
        </Deferred>
        <div>
          <ScenarioSummary />
          <LoadingStatus />
        </div>
        <PastBanner />
        <NoticeBanner />
        <Deferred id="share-heading" title="Share and import" waiting="Loading share and import…">
          <SharePanel />
        </Deferred>
        <div className="grid grid-cols-1 gap-4 min-[1400px]:grid-cols-2">
          <Section id="people-heading" title="People">
            <PeopleTable />
          </Section>
          <Section id="matrix-heading" title="Validity matrix">
            <ValidityMatrix />
          </Section>
        </div>
        <Deferred id="predict-heading" title="Predict, then reveal" waiting="Loading the exercise…">
          <PredictPanel />
        </Deferred>
        <Deferred id="timeline-heading" title="Timeline" waiting="Loading the timeline…">
          <TimelinePanel />
        </Deferred>
        <Deferred id="keys-heading" title="Keys" waiting="Loading keys…">
          <KeysPanel />
        </Deferred>
        <Deferred
          id="permissions-heading"
          title="Permission matrix"
          waiting="Loading the permission matrix…"
        >
          <PermissionPanel />
        </Deferred>
        <Deferred id="api-heading" title="Simulated API" waiting="Starting simulated API…">
          <RequestConsole />
        </Deferred>
      </main>
      <footer className="mx-auto max-w-screen-2xl px-4 pb-6 text-slate-600 text-xs dark:text-slate-400">
        A simulator for training and testing. It is not affiliated with Tines; rules marked
        “Assumed” are this simulator’s choices where the vendor documents nothing.
      </footer>
    </>
  );
}
