/**
 * The tenant store's way into the core worker, loaded with the first generated scenario: it runs
 * one request for one `loading` of the store, puts its progress in `useLoadProgress`, and cancels
 * it (terminating the worker) as soon as the store's `loading` is no longer that one: Cancel, a
 * later choice of scenario, an import. Where there is no Worker (jsdom), generation runs on the
 * page as before.
 */

import { rememberFingerprint } from '../core/document/document';
import type { TenantEvent } from '../core/events';
import type { Scenario } from '../core/scenarios/scenario-builder';
import type { GeneratedScenarioEntry } from '../core/scenarios/scenario-catalog';
import type { ScenarioParams } from '../core/scenarios/scenario-params';
import { type Loading, type LogState, useTenantStore } from '../store/tenant-store';
import {
  type BuiltOutcome,
  type CoreClient,
  createCoreClient,
  JobCancelled,
  type ReadLog,
} from './core-client';
import { useLoadProgress } from './load-progress';
import type { RequestBody } from './protocol';

let client: CoreClient | null = null;

/** The page's one core client (its worker starts with the first request). */
export function coreClient(): CoreClient {
  client ??= createCoreClient();
  return client;
}

/** Use this client from now on (a test's, over a fake worker); null: a default one when next asked. */
export function replaceCoreClient(next: CoreClient | null): void {
  client?.dispose();
  client = next;
}

/** Workers exist in browsers; not in jsdom, where the page does the work itself. */
export function canUseWorker(): boolean {
  return typeof Worker === 'function';
}

/**
 * Resolves once the browser has had a chance to paint the loading status, before work on the
 * page's thread takes it. Outside a browser (tests), or in a hidden tab, it waits one task.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const visible = typeof document !== 'undefined' && document.visibilityState === 'visible';
    if (visible && typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => setTimeout(resolve, 0));
    } else {
      setTimeout(resolve, 0);
    }
  });
}

/** Run `request` in the worker for the store's `loading`, cancelled once that load is not wanted. */
export function runFor(loading: Loading, request: RequestBody): Promise<BuiltOutcome> {
  // Cancelled (or replaced) before the worker's code had even arrived: start nothing.
  if (useTenantStore.getState().loading !== loading) return Promise.reject(new JobCancelled());
  const what = `${loading.id} scenario`;
  useLoadProgress.setState({
    loading,
    label: `Loading the tenant (${what})`,
    progress: { stage: 'Starting', done: 0, total: 0 },
    restoring: request.type === 'read-saved',
  });
  const mine = () => useLoadProgress.getState().loading === loading;
  const job = coreClient().run(request, {
    onProgress: (progress) => {
      if (mine()) useLoadProgress.setState({ progress });
    },
    onGenesis: (genesis) => {
      if (mine()) useLoadProgress.setState({ label: `Loading ${genesis.name} (${what})` });
    },
  });
  const unsubscribe = useTenantStore.subscribe((state) => {
    if (state.loading !== loading) job.cancel();
  });
  return job.done.finally(unsubscribe);
}

/** Generate a generated scenario for the store: in the worker, or on the page without one. */
export async function generateScenario(
  entry: GeneratedScenarioEntry,
  params: ScenarioParams,
  loading: Loading,
): Promise<Scenario> {
  if (!canUseWorker()) {
    await afterPaint();
    if (useTenantStore.getState().loading !== loading) throw new JobCancelled();
    return entry.generate(params);
  }
  const outcome = await runFor(loading, { type: 'generate', scenarioId: entry.id, params });
  if (outcome.kind !== 'built') throw new Error('The worker read a saved state instead.');
  const { facts, genesis, events, tenant, view } = outcome.log;
  // A save names the scenario by its events' fingerprint: the worker worked it out.
  rememberFingerprint(events, facts.baseFingerprint);
  return { id: entry.id, title: facts.title, genesis, events, tenant, view };
}

/**
 * The store's state of a log the worker read, and its generated scenario's own events (a slice
 * of them, none when the log starts from a genesis), whose fingerprint the worker worked out: a
 * save then names them by it instead of hashing them here.
 */
export function arrivedLog({ facts, genesis, events }: ReadLog): {
  readonly state: LogState;
  readonly base: readonly TenantEvent[];
} {
  const base = events.slice(0, facts.baseEvents);
  rememberFingerprint(base, facts.baseFingerprint);
  const { scenarioId, scenarioParams, cursor } = facts;
  return { state: { scenarioId, scenarioParams, genesis, events, cursor }, base };
}
