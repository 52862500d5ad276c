import { useEffect, useRef } from 'react';
import { navigate } from '../../navigation/view-store';
import { useLessonStore } from '../lessons/lesson-store';
import { PredictPanel } from './predict-panel';
import { usePredictStore } from './use-predict-store';

/**
 * Predict-then-reveal, docked on the Lifecycle view beside the matrix whose verdicts it asks
 * about. Close ends the round (the score stays for this tab); the Training view opens it again.
 */
export function PredictDock() {
  const focusPending = useLessonStore((s) => s.focusPending);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusPending) return;
    // The round's first field (the Person select), or once revealed its heading's next button;
    // never the Close button that comes first in the heading row.
    const dock = ref.current;
    const target =
      dock?.querySelector<HTMLElement>('form select') ??
      dock?.querySelector<HTMLElement>('form button:not([aria-disabled]), h3[tabindex]');
    target?.focus();
    useLessonStore.getState().focusTaken();
  }, [focusPending]);
  return (
    <div ref={ref}>
      <PredictPanel
        onClose={() => {
          usePredictStore.getState().nextRound();
          useLessonStore.getState().closePrediction();
          navigate('lifecycle');
        }}
      />
    </div>
  );
}
