import { replaceAsking } from '../../app/ask-store';
import { Button } from '../../components/button';
import { Section } from '../../components/section';
import { SCENARIO_ABOUT } from '../../core/scenarios/scenario-about';
import { SCENARIOS } from '../../core/scenarios/scenario-catalog';
import { navigate } from '../../navigation/view-store';
import { useTenantStore } from '../../store/tenant-store';
import { PredictCard } from '../predict/predict-card';
import { usePresenter } from '../presenter/use-presenter';
import { TourCard } from '../tour/tour-card';

/** Every scenario with what it teaches, and the way to open it (the header's picker does too). */
function ScenariosCard() {
  const current = useTenantStore((s) => s.loading?.id ?? s.scenarioId);
  const loadScenario = useTenantStore((s) => s.loadScenario);
  return (
    <Section id="scenarios-card-heading" title="Scenarios">
      <ul className="flex flex-col gap-3 text-sm">
        {SCENARIOS.map((scenario) => (
          <li key={scenario.id} className="flex flex-col gap-1">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium">{scenario.title}</span>
              {/* Opening the scenario shown would start it afresh: that is Reset scenario's job. */}
              {scenario.id === current ? (
                <span className="text-slate-600 dark:text-slate-400">Open now</span>
              ) : (
                <Button
                  size="sm"
                  aria-label={`Open ${scenario.title}`}
                  onClick={() => {
                    void replaceAsking('switch', () => {
                      navigate('lifecycle');
                      return loadScenario(scenario.id);
                    });
                  }}
                >
                  Open
                </Button>
              )}
            </div>
            <p className="text-slate-700 dark:text-slate-300">{SCENARIO_ABOUT[scenario.id]}</p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

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
            <em>Hide live verdicts until reveal</em>: while a prediction is open, every verdict
            reads “hidden until reveal”, so the class guesses first: both matrices, the Keys table
            (its verdict filter and sorting wait too), the request console’s answers (requests still
            go out) and the exports. Reveal shows them all again.
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

/** Training: the lessons (they run docked on Lifecycle), the scenarios and presenter mode. */
export function TrainingView() {
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <TourCard />
      <PredictCard />
      <ScenariosCard />
      <PresenterCard />
    </div>
  );
}
