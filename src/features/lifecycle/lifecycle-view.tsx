import { Section } from '../../components/section';
import { findScenario } from '../../core/scenarios/scenario-catalog';
import { useTenantStore } from '../../store/tenant-store';
import { LessonDock } from '../lessons/lesson-dock';
import { useDockedLesson } from '../lessons/lesson-store';
import { ValidityMatrix } from '../matrix/validity-matrix';
import { PeopleTable } from '../people/people-table';

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
            <LessonDock lesson={lesson} />
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
