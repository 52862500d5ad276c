import { Suspense } from 'react';
import { lazyNamed } from '../../components/lazy-named';
import { Section } from '../../components/section';
import { findScenario } from '../../core/scenarios/scenario-catalog';
import { useTenantStore } from '../../store/tenant-store';
import { type LessonId, useDockedLesson } from '../lessons/lesson-store';
import { ValidityMatrix } from '../matrix/validity-matrix';
import { PeopleTable } from '../people/people-table';

// The lessons are their own chunk, fetched while idle after the first paint like the views.
const loadLessons = () => import('../lessons/lesson-dock');
const LessonDock = lazyNamed(loadLessons, 'LessonDock');

/** Fetch the lessons' chunk ahead of need (called while idle). */
export function prefetchLessons(): Promise<unknown> {
  return loadLessons();
}

const TITLES: Readonly<Record<LessonId, string>> = {
  tour: 'Guided tour',
  predict: 'Predict, then reveal',
};

function ScenarioSummary() {
  const summary = useTenantStore((s) => findScenario(s.scenarioId)?.summary);
  return summary === undefined ? null : (
    <p className="max-w-5xl text-slate-700 text-sm dark:text-slate-300">{summary}</p>
  );
}

/**
 * Lifecycle: People beside the Validity matrix, and the running lesson docked with them. The
 * layout (src/index.css, `.lifecycle`) keeps a lesson's step, the person it is about and the
 * matrix's `Now` column on one screen: at 1280 px and wider the tour sits above People and the
 * matrix side by side; narrower, and for a prediction, the lesson is a column beside the matrix.
 */
export function LifecycleView() {
  const lesson = useDockedLesson();
  return (
    <>
      {lesson === null ? <ScenarioSummary /> : null}
      <div className="lifecycle" data-lesson={lesson ?? 'none'}>
        {lesson === null ? null : (
          <div className="lifecycle-dock">
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
              <LessonDock lesson={lesson} />
            </Suspense>
          </div>
        )}
        <div className="lifecycle-people min-w-0">
          <Section id="people-heading" title="People">
            <PeopleTable />
          </Section>
        </div>
        <div className="lifecycle-matrix min-w-0">
          <ValidityMatrix />
        </div>
      </div>
    </>
  );
}
