import { Button } from '../../components/button';
import { Section } from '../../components/section';
import { navigate } from '../../navigation/view-store';
import { useLessonStore } from '../lessons/lesson-store';
import { scoreText } from './predict-round';
import { usePredictStore } from './use-predict-store';

/** The Training view's card for predict-then-reveal: it runs docked on the Lifecycle view. */
export function PredictCard() {
  const predicting = useLessonStore((s) => s.predicting);
  const score = usePredictStore((s) => s.score);
  return (
    <Section
      id="predict-card-heading"
      title="Predict, then reveal"
      actions={
        <Button
          size="sm"
          variant="primary"
          onClick={() => {
            useLessonStore.getState().openPrediction(true);
            navigate('lifecycle', { focus: false });
          }}
        >
          {predicting ? 'Show the round' : 'Start predicting'}
        </Button>
      }
    >
      <p className="text-slate-700 text-sm dark:text-slate-300">
        Pick a person and a change, tick the keys you expect to answer 401 afterwards, then Reveal:
        the change is really made (it goes into the log like any other) and each guess is marked. It
        runs beside the matrix on Lifecycle; an open tour is left meanwhile and can be resumed.
      </p>
      <p className="font-medium text-sm">{scoreText(score)}</p>
    </Section>
  );
}
