import { type ReactNode, type RefObject, useMemo, useRef } from 'react';
import { dispatchAsking } from '../../app/ask-store';
import { Button } from '../../components/button';
import { SCOPE_LABELS } from '../../core/model';
import { findScenario } from '../../core/scenarios/scenario-catalog';
import { useTenantStore } from '../../store/tenant-store';
import { TOUR_LENGTH, type TourStepNumber } from './tour-ids';
import { highlightedKeyIds, MatrixHighlight, StepOutcomeView, TourSummary } from './tour-outcome';
import { readTour, type TourReading, tourBlocker, tourCommands } from './tour-progress';
import { type ActionStepNumber, TOUR_SCENARIO_ID, TOUR_STEPS, tourStep } from './tour-steps';
import { listNames } from './tour-text';

/** A button that stays focusable while it cannot act, so focus never drops to the page. */
const UNAVAILABLE =
  'aria-disabled:cursor-not-allowed aria-disabled:text-slate-500 dark:aria-disabled:text-slate-400';

/** The tour's reading of the store, only while the page shows the tour's scenario. */
function useTourReading(): TourReading | null {
  const scenarioId = useTenantStore((s) => s.scenarioId);
  const genesis = useTenantStore((s) => s.genesis);
  const events = useTenantStore((s) => s.events);
  const cursor = useTenantStore((s) => s.cursor);
  return useMemo(
    () => (scenarioId === TOUR_SCENARIO_ID ? readTour(genesis, events, cursor) : null),
    [scenarioId, genesis, events, cursor],
  );
}

function StepList({ step, done }: { step: TourStepNumber; done: number }) {
  return (
    <ol aria-label="Tour steps" className="flex flex-wrap gap-1 text-xs">
      {TOUR_STEPS.map(({ number, label }) => {
        const finished = number <= done;
        const current = number === step;
        return (
          <li
            key={number}
            aria-current={current ? 'step' : undefined}
            className={`rounded-full border px-2 py-0.5 ${
              current
                ? 'border-blue-700 bg-blue-700 text-white dark:border-blue-400 dark:bg-blue-400 dark:text-slate-950'
                : 'border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-300'
            }`}
          >
            <span aria-hidden="true">{finished ? '✓' : `${number}.`}</span> {label}
            {finished ? <span className="sr-only"> (done)</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

export interface TourStepViewProps {
  step: TourStepNumber;
  /** Shown at the end of the step list's line (the dock's Leave tour). */
  aside?: ReactNode;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onStep: (step: TourStepNumber, moveFocus: boolean) => void;
  onRestart: () => void;
}

/**
 * The open tour at one step: what to do, "Do it for me", and once the step is done (however it
 * was done) what happened. Heading and content sit in a polite live region, so a step change or
 * a step getting done is heard; Back and Next stay in place (aria-disabled, never removed).
 */
export function TourStepView({ step, aside, headingRef, onStep, onRestart }: TourStepViewProps) {
  const reading = useTourReading();
  const scenarioTitle = useTenantStore((s) => findScenario(s.scenarioId)?.title ?? s.scenarioId);
  const buttonsRef = useRef<HTMLDivElement>(null);
  const info = tourStep(step);

  const ready = reading !== null && reading.jane !== undefined;
  const done = ready ? reading.outcomes.length : 0;
  const outcome = ready && step <= 5 ? reading.outcomes[step - 1] : undefined;
  const current = ready && step <= 5 && step === done + 1 ? (step as ActionStepNumber) : null;
  const blocker = current === null || !ready ? null : tourBlocker(current, reading);
  const canNext = ready && step < TOUR_LENGTH && done >= step;

  const doItForMe = async () => {
    if (current === null || !ready) return;
    for (const command of tourCommands(current, reading)) {
      if (!(await dispatchAsking(command)).ok) return;
    }
    // The button goes once the step is done; Next is where the person goes on from.
    buttonsRef.current?.querySelector<HTMLButtonElement>('[data-tour-next]')?.focus();
  };

  let body: ReactNode;
  if (!ready) {
    body = (
      <p>
        The tour runs on the Jane Tino scenario; the page now shows “{scenarioTitle}”. Start the
        tour again to reopen Jane Tino.
      </p>
    );
  } else if (step > done + 1) {
    body = (
      <p>
        Step {done + 1} is not done in the page any more (it was undone, or the page was opened
        afresh). Do it again first.
      </p>
    );
  } else if (step === 6) {
    body = <TourSummary outcomes={reading.outcomes} />;
  } else if (outcome !== undefined) {
    body = <StepOutcomeView outcome={outcome} />;
  } else {
    body = (
      <>
        <p>{info.instructions}</p>
        {step === 1 ? (
          <p>
            Still to create: {listNames(reading.missingScopes.map((scope) => SCOPE_LABELS[scope]))}.
          </p>
        ) : null}
        {blocker === null ? (
          <p className="text-slate-700 dark:text-slate-300">
            Or press <em>Do it for me</em>. Once the step is done, the tour shows the cells that
            flipped and the FAQ sentence that explains why.
          </p>
        ) : (
          <p className="font-medium text-red-800 dark:text-red-300">
            This step cannot be done from here: {blocker} Start the tour again, or undo back to
            where it can.
          </p>
        )}
      </>
    );
  }

  const showRestart = !ready || blocker !== null || step === TOUR_LENGTH;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <p className="font-semibold text-violet-800 text-xs uppercase tracking-wide dark:text-violet-300">
            Guided tour
          </p>
          <StepList step={step} done={done} />
        </div>
        {aside}
      </div>
      {/* The buttons come before the step's text, so Next stays near the top of a narrow dock
          however long a done step's account of it is. Heading and text are polite live regions. */}
      <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
        <div aria-live="polite">
          <h3 ref={headingRef} tabIndex={-1} className="font-semibold text-base">
            Step {step} of {TOUR_LENGTH}: {info.title}
          </h3>
        </div>
        <div ref={buttonsRef} className="flex flex-wrap gap-2">
          {current !== null && blocker === null ? (
            <Button variant="primary" onClick={() => void doItForMe()}>
              Do it for me
            </Button>
          ) : null}
          {ready && step > done + 1 && done < 5 ? (
            <Button variant="primary" onClick={() => onStep((done + 1) as TourStepNumber, true)}>
              Go to step {done + 1}
            </Button>
          ) : null}
          <Button
            className={UNAVAILABLE}
            aria-disabled={step === 1}
            onClick={() => {
              if (step > 1) onStep((step - 1) as TourStepNumber, false);
            }}
          >
            Back
          </Button>
          <Button
            data-tour-next=""
            variant={canNext ? 'primary' : 'secondary'}
            className={UNAVAILABLE}
            aria-disabled={!canNext}
            onClick={() => {
              if (canNext) onStep((step + 1) as TourStepNumber, false);
            }}
          >
            Next
          </Button>
          {showRestart ? <Button onClick={onRestart}>Start the tour again</Button> : null}
        </div>
      </div>
      <div aria-live="polite" className="flex flex-col gap-1.5 text-sm">
        {body}
      </div>
      <MatrixHighlight keyIds={highlightedKeyIds(outcome)} />
    </div>
  );
}
