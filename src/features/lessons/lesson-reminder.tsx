import { Button } from '../../components/button';
import { navigate, useViewStore } from '../../navigation/view-store';
import { TOUR_LENGTH } from '../tour/tour-ids';
import { useDockedLesson, useLessonStore } from './lesson-store';

/**
 * A lesson docks on the Lifecycle view; elsewhere (creating keys for step 1, say) this line says
 * it is still running and takes the person back to it.
 */
export function LessonReminder() {
  const lesson = useDockedLesson();
  const view = useViewStore((s) => s.view);
  const step = useLessonStore((s) => s.tour?.step);
  if (lesson === null || view === 'lifecycle') return null;
  const text =
    lesson === 'tour'
      ? `The guided tour is open at step ${step ?? 1} of ${TOUR_LENGTH}, beside the matrix on Lifecycle.`
      : 'A predict-then-reveal round is open beside the matrix on Lifecycle.';
  return (
    <section
      aria-label="Lesson in progress"
      className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-violet-300 bg-violet-50 px-3 py-2 text-sm text-violet-950 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-100"
    >
      <p>{text}</p>
      <Button
        size="sm"
        variant="primary"
        onClick={() => {
          useLessonStore.setState({ focusPending: true });
          navigate('lifecycle', { focus: false });
        }}
      >
        {lesson === 'tour' ? 'Back to the tour' : 'Back to the round'}
      </Button>
    </section>
  );
}
