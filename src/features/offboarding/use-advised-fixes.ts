import { useEffect, useRef, useState } from 'react';
import { adviseFixes, type Fix } from '../../core/automation/advisor';
import type { Impact } from '../../core/automation/impact';
import type { TenantEvent } from '../../core/events';
import type { Tenant } from '../../core/model';
import { useTenantStore } from '../../store/tenant-store';
import { type AdviceClient, canUseWorker, createAdviceClient } from './advice-client';

export interface AdvisedFixes {
  /** The fixes worked out so far, in the plan's order of credentials. */
  readonly fixes: readonly Fix[];
  /** How many there will be: one per breaking credential that some failing action uses. */
  readonly total: number;
  readonly done: boolean;
  /** Who worked them out: the advice worker, or the page itself (no worker, or it failed). */
  readonly by: 'worker' | 'page' | null;
}

/** A slice of work between two yields on the page's thread: about a frame's worth. */
const BUDGET_MS = 12;

interface Progress {
  readonly impact: Impact | null;
  readonly fixes: readonly Fix[];
  readonly done: boolean;
  readonly by: AdvisedFixes['by'];
}

const needsFix = (impact: Impact) =>
  impact.credentials.filter((broken) => broken.actions.length > 0);

/**
 * On the page's thread: a few credentials at a time, in tasks of about 12 ms. Each fix depends
 * only on the tenant, the impact and its own credential, so fixes worked out per slice are the
 * ones `adviseFixes` gives for the whole plan (a test checks this). Returns a stop.
 */
function adviseInSlices(
  tenant: Tenant,
  events: readonly TenantEvent[],
  impact: Impact,
  report: (fixes: readonly Fix[], done: boolean) => void,
): () => void {
  const pending = needsFix(impact);
  const fixes: Fix[] = [];
  let next = 0;
  // Slices grow while they are quick and shrink when they are slow.
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
    report([...fixes], done);
    if (!done) timer = setTimeout(step, 0);
  };
  timer = setTimeout(step, 0);
  return () => clearTimeout(timer);
}

/**
 * The advisor's fixes for a plan, worked out after the plan is drawn (`impactOf` takes ~30 ms for
 * 500 people leaving `large`; the advisor, which asks the simulated API what each failing request
 * needs and tries each candidate creator's events, took 1.6–2 s at once there, and half a second
 * for some single credentials). In a browser a worker does it (advise-worker.ts), so the page
 * stays responsive; where there is no worker (jsdom), or it fails, the page does it in slices.
 * A new tenant or plan drops the work under way.
 */
export function useAdvisedFixes(
  tenant: Tenant,
  events: readonly TenantEvent[],
  impact: Impact | null,
): AdvisedFixes {
  const [progress, setProgress] = useState<Progress>({
    impact: null,
    fixes: [],
    done: true,
    by: null,
  });
  const genesis = useTenantStore((s) => s.genesis);
  const log = useTenantStore((s) => s.events);
  const cursor = useTenantStore((s) => s.cursor);
  const scenarioId = useTenantStore((s) => s.scenarioId);
  const scenarioParams = useTenantStore((s) => s.scenarioParams);
  const client = useRef<AdviceClient | null>(null);

  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = null;
    },
    [],
  );

  useEffect(() => {
    if (impact === null) return;
    if (needsFix(impact).length === 0) {
      setProgress({ impact, fixes: [], done: true, by: null });
      return;
    }
    let stopSlices = () => {};
    const inSlices = () => {
      stopSlices = adviseInSlices(tenant, events, impact, (fixes, done) =>
        setProgress({ impact, fixes, done, by: 'page' }),
      );
    };
    if (!canUseWorker()) {
      inSlices();
      return () => stopSlices();
    }
    client.current ??= createAdviceClient();
    const cancel = client.current.advise(
      {
        genesis,
        events: log,
        cursor,
        scenarioId,
        scenarioParams,
        accountIds: impact.accountIds,
        change: impact.change,
      },
      (fixes) => setProgress({ impact, fixes, done: true, by: 'worker' }),
      inSlices,
    );
    return () => {
      cancel();
      stopSlices();
    };
  }, [tenant, events, impact, genesis, log, cursor, scenarioId, scenarioParams]);

  if (impact === null) return { fixes: [], total: 0, done: true, by: null };
  const total = needsFix(impact).length;
  if (progress.impact !== impact) return { fixes: [], total, done: total === 0, by: null };
  return { fixes: progress.fixes, total, done: progress.done, by: progress.by };
}
