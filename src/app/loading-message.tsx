import { useEffect, useState } from 'react';
import { ProgressBar } from '../components/progress-bar';
import { loadVirtualizer } from '../components/use-virtual-rows';
import { findScenario } from '../core/scenarios/scenario-catalog';
import { useTenantStore } from '../store/tenant-store';
import { useTravelProgress } from '../store/travel';
import type { Progress } from '../worker/core-client';
import { progressText, useLoadProgress } from '../worker/load-progress';

/** Work quicker than this shows nothing: a bar that flashes by says less than none. */
export const SHOW_PROGRESS_AFTER_MS = 300;

/**
 * A generated scenario on its way in, once it has taken over `SHOW_PROGRESS_AFTER_MS`: what is
 * generated ("Generating the large tenant (10,000 people, about 40,000 keys)…"), then a
 * `progressbar` named for it ("Loading Globex Industries (large scenario)") with the stage and
 * counts, and Cancel, which leaves the scenario shown exactly as it is.
 */
export function LoadingMessage() {
  const loading = useTenantStore((s) => s.loading);
  const cancel = useTenantStore((s) => s.cancelLoading);
  const progress = useLoadProgress();
  const [shown, setShown] = useState<typeof loading>(null);
  useEffect(() => {
    if (loading === null) return;
    // A generated tenant fills tables past the virtualising threshold: fetch the virtualiser now,
    // not when the tenant lands, or its tables would show "Loading the … table" a moment longer.
    void loadVirtualizer().catch(() => undefined);
    const timer = setTimeout(() => setShown(loading), SHOW_PROGRESS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [loading]);
  const entry = loading === null ? undefined : findScenario(loading.id);
  if (loading === null || shown !== loading || entry?.kind !== 'generated') return null;
  // The worker's progress, once it is this load's; before (or without a worker), the start.
  const ours = progress.loading === loading;
  const label = ours ? progress.label : `Loading the tenant (${loading.id} scenario)`;
  const step = ours ? progress.progress : { stage: 'Starting', done: 0, total: 0 };
  return (
    <WorkBox
      words={`${ours && progress.restoring ? 'Opening the state saved in this browser. ' : ''}${entry.loadingMessage(loading.params)}`}
      label={label}
      step={step}
      onCancel={cancel}
    />
  );
}

/** What runs in words, then its bar with the stage and Cancel. */
function WorkBox({
  words,
  label,
  step,
  onCancel,
}: {
  words: string;
  label: string;
  step: Progress;
  onCancel: () => void;
}) {
  return (
    <div className="flex flex-col gap-2 rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-blue-900 text-sm dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100">
      <p>{words}</p>
      <ProgressBar
        label={label}
        value={step.done}
        max={step.total}
        stage={progressText(step)}
        onCancel={onCancel}
      />
    </div>
  );
}

const count = (n: number) => n.toLocaleString('en-US');

/** "Travelling to the moment after event 1,200 of 81,000" (or before the first event). */
export function travelLabel(cursor: number, total: number): string {
  return cursor === 0
    ? `Travelling to the moment before the first event of ${count(total)}`
    : `Travelling to the moment after event ${count(cursor)} of ${count(total)}`;
}

/**
 * A far move of the timeline on a big tenant, once it has taken over `SHOW_PROGRESS_AFTER_MS`:
 * a `progressbar` named for where it goes, its stage ("Replaying the log: 40,000 of 81,000
 * events", then every key's verdicts) and Cancel, which leaves the moment shown as it is.
 */
export function TravelMessage() {
  const travelling = useTenantStore((s) => s.travelling);
  const cancel = useTenantStore((s) => s.cancelTravel);
  const { travel, progress } = useTravelProgress();
  const [shown, setShown] = useState<typeof travelling>(null);
  useEffect(() => {
    if (travelling === null) return;
    const timer = setTimeout(() => setShown(travelling), SHOW_PROGRESS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [travelling]);
  if (travelling === null || shown !== travelling) return null;
  const step = travel === travelling ? progress : { stage: 'Starting', done: 0, total: 0 };
  const label = travelLabel(travelling.cursor, travelling.total);
  return (
    <WorkBox
      words={`${label}: the moment shown stays until it is ready.`}
      label={label}
      step={step}
      onCancel={cancel}
    />
  );
}

/** The work under way that shows its progress: a scenario loading, a far move of the timeline. */
export function BusyMessage() {
  return (
    <>
      <LoadingMessage />
      <TravelMessage />
    </>
  );
}
