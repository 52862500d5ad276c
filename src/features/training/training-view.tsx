import { Section } from '../../components/section';
import { PredictCard } from '../predict/predict-card';
import { usePresenter } from '../presenter/use-presenter';
import { TourCard } from '../tour/tour-card';

function PresenterCard() {
  const enabled = usePresenter((s) => s.enabled);
  return (
    <Section id="presenter-card-heading" title="Presenter mode">
      <div className="flex flex-col gap-2 text-slate-700 text-sm dark:text-slate-300">
        <p>
          For a projector or a shared screen: the header’s <em>Presenter mode</em> switch makes
          every size a quarter larger, hides every secret (the request console and the{' '}
          <em>Key created</em> dialog say “hidden in presenter mode”; <em>Copy</em> still copies),
          and adds a <em>Presenter</em> bar to the header.
        </p>
        <ul className="list-disc pl-5">
          <li>
            <em>Save checkpoint</em> keeps the log as it is now; <em>Reset to checkpoint</em> goes
            back to it between two demos.
          </li>
          <li>
            <em>Hide live verdicts until reveal</em>: while a prediction is open, every verdict in
            the matrix and the Keys table reads “hidden until reveal”, so the class guesses first.
          </li>
          <li>
            Nothing of it is saved: a reload leaves presenter mode and forgets the checkpoint.
          </li>
        </ul>
        <p className="font-medium">Presenter mode is {enabled ? 'on' : 'off'}.</p>
      </div>
    </Section>
  );
}

/** Training: the lessons (they run docked on Lifecycle) and presenter mode explained. */
export function TrainingView() {
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <TourCard />
      <PredictCard />
      <PresenterCard />
    </div>
  );
}
