import { useEffect, useRef } from 'react';
import { Button } from '../../components/button';
import { navigate } from '../../navigation/view-store';
import { useLessonStore } from '../lessons/lesson-store';
import { startTour } from './start-tour';
import { TourStepView } from './tour-step-view';

/**
 * The open tour, docked on the Lifecycle view beside the tables its steps talk about. Whether a
 * step is done is read from the store's log each time (TourStepView), so it follows undo, time
 * travel and changes made anywhere; the step itself is in the lesson store, kept in this
 * browser. Leave tour folds it away: the Training view offers to resume it.
 */
export function TourDock() {
  const step = useLessonStore((s) => s.tour?.step ?? 1);
  const focusPending = useLessonStore((s) => s.focusPending);
  const openTour = useLessonStore((s) => s.openTour);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opened by a button (Start, Resume, a step's Back/Next once the old button is gone): the
  // step's heading takes focus once it is drawn.
  useEffect(() => {
    if (!focusPending) return;
    headingRef.current?.focus();
    useLessonStore.getState().focusTaken();
  }, [focusPending]);

  return (
    <section
      aria-label="Guided tour"
      className="rounded-lg border border-violet-300 bg-white px-3 py-2 shadow-sm dark:border-violet-800 dark:bg-slate-900"
    >
      <TourStepView
        step={step}
        headingRef={headingRef}
        aside={
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              useLessonStore.getState().leaveTour();
              // The tour's buttons are gone: focus goes to the view's heading.
              navigate('lifecycle');
            }}
          >
            Leave tour
          </Button>
        }
        onStep={(next, moveFocus) => openTour(next, moveFocus)}
        onRestart={() => {
          openTour(1, true);
          void startTour();
        }}
      />
    </section>
  );
}
