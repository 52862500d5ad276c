import { useEffect, useState } from 'react';
import { adviseFixes, type Fix } from '../../core/automation/advisor';
import type { Impact } from '../../core/automation/impact';
import type { TenantEvent } from '../../core/events';
import type { Tenant } from '../../core/model';

export interface AdvisedFixes {
  /** The fixes worked out so far, in the plan's order of credentials. */
  readonly fixes: readonly Fix[];
  /** How many there will be: one per breaking credential that some failing action uses. */
  readonly total: number;
  readonly done: boolean;
}

/** A slice of work between two yields: a frame's worth, so typing and clicks stay prompt. */
const BUDGET_MS = 12;

interface Progress {
  readonly impact: Impact | null;
  readonly fixes: readonly Fix[];
  readonly done: boolean;
}

const needsFix = (impact: Impact) =>
  impact.credentials.filter((broken) => broken.actions.length > 0);

/**
 * The advisor's fixes for a plan, worked out a few credentials at a time in tasks of about 12 ms.
 * Why not at once: the advisor asks the simulated API what each failing request needs and tries
 * each candidate creator's events, which for 500 people leaving the `large` scenario took
 * 1.6–2 s in one go (measured here); the plan itself (`impactOf`) takes ~30 ms and is shown first.
 * Each fix depends only on the tenant, the impact and its own credential, so fixes worked out per
 * slice are the same as `adviseFixes` gives for the whole plan (a test checks this).
 * A new tenant or plan drops the work under way and starts again.
 */
export function useAdvisedFixes(
  tenant: Tenant,
  events: readonly TenantEvent[],
  impact: Impact | null,
): AdvisedFixes {
  const [progress, setProgress] = useState<Progress>({ impact: null, fixes: [], done: true });

  useEffect(() => {
    if (impact === null) return;
    const pending = needsFix(impact);
    const fixes: Fix[] = [];
    let next = 0;
    // Slices grow while they are quick and shrink when one credential alone is slow.
    let size = 1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      const started = performance.now();
      while (next < pending.length) {
        const slice = pending.slice(next, next + size);
        const sliceStarted = performance.now();
        fixes.push(...adviseFixes(tenant, events, { ...impact, credentials: slice }));
        next += slice.length;
        const took = performance.now() - sliceStarted;
        if (took < BUDGET_MS / 4) size *= 2;
        else if (took > BUDGET_MS && size > 1) size = Math.ceil(size / 2);
        if (performance.now() - started >= BUDGET_MS) break;
      }
      const done = next >= pending.length;
      setProgress({ impact, fixes: [...fixes], done });
      if (!done) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [tenant, events, impact]);

  if (impact === null) return { fixes: [], total: 0, done: true };
  const total = needsFix(impact).length;
  if (progress.impact !== impact) return { fixes: [], total, done: total === 0 };
  return { fixes: progress.fixes, total, done: progress.done };
}
