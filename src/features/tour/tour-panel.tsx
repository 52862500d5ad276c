import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../components/button';
import { Section } from '../../components/section';
import { useTenantStore } from '../../store/tenant-store';
import { startTour } from './start-tour';
import { TourStepView } from './tour-step-view';
import { TOUR_ID, TOUR_LENGTH, type TourStepNumber, tourStep } from './tour-steps';
import {
  isKnownTour,
  readSavedProgress,
  readTourParam,
  removeTourParam,
  saveProgress,
  type TourProgress,
} from './tour-storage';

type FocusTarget = 'heading' | 'resume';

/**
 * The guided tour of the vendor FAQ: at the top of the page, a one-line invitation until it is
 * started (button, or `?tour=jane-tino`), then the step panel; left, it offers to resume where
 * the person was. Progress survives a reload (localStorage); whether a step is done is read from
 * the store's log each time, so it follows undo, time travel and changes made anywhere.
 */
export function TourPanel() {
  const [requested] = useState(readTourParam);
  const [progress, setProgress] = useState<TourProgress | null>(() =>
    requested !== null && isKnownTour(requested) ? { step: 1, mode: 'open' } : readSavedProgress(),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The shared Button takes no ref: the resume button is found by id.
  const resumeId = useId();
  // Set by an action whose button goes away with the change; honoured once the change is drawn.
  const focusAfter = useRef<FocusTarget | null>(null);

  useEffect(() => {
    saveProgress(progress);
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === 'heading') headingRef.current?.focus();
    else if (target === 'resume') document.getElementById(resumeId)?.focus();
  }, [progress, resumeId]);

  // Starting loads the scenario and cuts its log, the same result however often it runs.
  useEffect(() => {
    if (requested === null) return;
    removeTourParam();
    if (isKnownTour(requested)) void startTour();
    else {
      useTenantStore
        .getState()
        .showNotice('error', `There is no tour "${requested}"; the guided tour is "${TOUR_ID}".`);
    }
  }, [requested]);

  const start = () => {
    focusAfter.current = 'heading';
    setProgress({ step: 1, mode: 'open' });
    void startTour();
  };

  if (progress === null || progress.mode === 'left') {
    const left = progress;
    return (
      <Section
        id="tour-heading"
        title="Guided tour"
        actions={
          <div className="flex flex-wrap gap-2">
            {left === null ? (
              <Button size="sm" variant="primary" onClick={start}>
                Start the guided tour
              </Button>
            ) : (
              <>
                <Button
                  id={resumeId}
                  size="sm"
                  variant="primary"
                  onClick={() => {
                    focusAfter.current = 'heading';
                    setProgress({ step: left.step, mode: 'open' });
                  }}
                >
                  Resume the tour (step {left.step} of {TOUR_LENGTH})
                </Button>
                <Button size="sm" onClick={start}>
                  Start over
                </Button>
              </>
            )}
          </div>
        }
      >
        <p className="text-slate-700 text-sm dark:text-slate-300">
          {left === null
            ? 'The vendor FAQ in six steps: Jane Tino’s four keys while she is deactivated, reactivated, deleted and re-invited.'
            : `You left the tour at step ${left.step} of ${TOUR_LENGTH}: ${tourStep(left.step).title}. It is kept in this browser.`}
        </p>
      </Section>
    );
  }

  const open = progress;
  return (
    <Section
      id="tour-heading"
      title="Guided tour"
      actions={
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            focusAfter.current = 'resume';
            setProgress({ step: open.step, mode: 'left' });
          }}
        >
          Leave tour
        </Button>
      }
    >
      <TourStepView
        step={open.step}
        headingRef={headingRef}
        onStep={(step: TourStepNumber, moveFocus: boolean) => {
          if (moveFocus) focusAfter.current = 'heading';
          setProgress({ step, mode: 'open' });
        }}
        onRestart={start}
      />
    </Section>
  );
}
