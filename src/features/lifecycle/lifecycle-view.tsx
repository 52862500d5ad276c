import { lazyNamed } from '../../components/lazy-named';
import { Section } from '../../components/section';
import { ShowLazily } from '../../components/show-lazily';
import { useDockedLesson } from '../lessons/lesson-store';
import { ValidityMatrix } from '../matrix/validity-matrix';
import { PeopleTable } from '../people/people-table';

// The lessons are their own chunk, fetched while idle after the first paint like the views.
const loadLessons = () => import('../lessons/lesson-dock');
const LessonDock = lazyNamed(loadLessons, 'LessonDock');

/** Fetch the lessons' chunk ahead of need (called while idle). */
export function prefetchLessons(): Promise<unknown> {
  return loadLessons();
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
    <div className="lifecycle" data-lesson={lesson ?? 'none'}>
      {lesson === null ? null : (
        <div className="lifecycle-dock">
          {/* The lessons' chunk is fetched while idle: this waits only on a `?tour=` start. */}
          <ShowLazily when>
            <LessonDock lesson={lesson} />
          </ShowLazily>
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
  );
}
