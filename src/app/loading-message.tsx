import { useEffect, useState } from 'react';
import { ProgressBar } from '../components/progress-bar';
import { loadVirtualizer } from '../components/use-virtual-rows';
import { findScenario } from '../core/scenarios/scenario-catalog';
import { useTenantStore } from '../store/tenant-store';
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
    <div className="flex flex-col gap-2 rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-blue-900 text-sm dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100">
      <p>
        {ours && progress.restoring ? 'Opening the state saved in this browser. ' : ''}
        {entry.loadingMessage(loading.params)}
      </p>
      <ProgressBar
        label={label}
        value={step.done}
        max={step.total}
        stage={progressText(step)}
        onCancel={cancel}
      />
    </div>
  );
}
