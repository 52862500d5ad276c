import { Button } from '../../components/button';
import { Section } from '../../components/section';
import { navigate } from '../../navigation/view-store';
import { useLessonStore } from '../lessons/lesson-store';
import { startTour } from './start-tour';
import { TOUR_LENGTH, type TourStepNumber } from './tour-ids';
import { tourStep } from './tour-steps';

/** Start, resume or return to the tour; it runs docked on the Lifecycle view. */
function openOnLifecycle(step: TourStepNumber) {
  useLessonStore.getState().openTour(step, true);
  navigate('lifecycle', { focus: false });
}

/**
 * The Training view's card for the guided tour: an invitation until it is started, where it
 * was left once left, and the way back to it while it runs.
 */
export function TourCard() {
  const tour = useLessonStore((s) => s.tour);
  const start = () => {
    openOnLifecycle(1);
    void startTour();
  };
  const startButton = (
    <Button size="sm" variant={tour === null ? 'primary' : 'secondary'} onClick={start}>
      {tour === null ? 'Start the guided tour' : 'Start over'}
    </Button>
  );
  let text: string;
  let actions = startButton;
  if (tour === null) {
    text =
      'The vendor FAQ in six steps: Jane Tino’s four keys while she is deactivated, reactivated, deleted and re-invited. It runs beside the matrix on Lifecycle; starting it reopens the Jane Tino scenario just before she creates her first key.';
  } else if (tour.mode === 'left') {
    text = `You left the tour at step ${tour.step} of ${TOUR_LENGTH}: ${tourStep(tour.step).title}. It is kept in this browser.`;
    actions = (
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="primary" onClick={() => openOnLifecycle(tour.step)}>
          Resume the tour (step {tour.step} of {TOUR_LENGTH})
        </Button>
        {startButton}
      </div>
    );
  } else {
    text = `The tour is open at step ${tour.step} of ${TOUR_LENGTH}: ${tourStep(tour.step).title}.`;
    actions = (
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="primary" onClick={() => openOnLifecycle(tour.step)}>
          Show the tour
        </Button>
        {startButton}
      </div>
    );
  }
  return (
    <Section id="tour-heading" title="Guided tour" actions={actions}>
      <p className="text-slate-700 text-sm dark:text-slate-300">{text}</p>
    </Section>
  );
}
