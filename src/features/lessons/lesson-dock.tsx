import { lazy, Suspense } from 'react';
import type { LessonId } from './lesson-store';

// The lessons are their own chunks, fetched while idle after the first paint like the views.
const TourDock = lazy(() =>
  import('../tour/tour-dock').then((module) => ({ default: module.TourDock })),
);
const PredictDock = lazy(() =>
  import('../predict/predict-dock').then((module) => ({ default: module.PredictDock })),
);

const TITLES: Readonly<Record<LessonId, string>> = {
  tour: 'Guided tour',
  predict: 'Predict, then reveal',
};

/** The slot in the Lifecycle view's layout where the running lesson sits. */
export function LessonDock({ lesson }: { lesson: LessonId }) {
  return (
    <Suspense
      fallback={
        <section
          aria-label={TITLES[lesson]}
          className="rounded-lg border border-violet-300 bg-white p-4 text-sm dark:border-violet-800 dark:bg-slate-900"
        >
          <p role="status">Loading the {TITLES[lesson].toLowerCase()}…</p>
        </section>
      }
    >
      {lesson === 'tour' ? <TourDock /> : <PredictDock />}
    </Suspense>
  );
}

/** Fetch both lessons' chunks ahead of need (called while idle). */
export function prefetchLessons(): Promise<unknown> {
  return Promise.all([import('../tour/tour-dock'), import('../predict/predict-dock')]);
}
