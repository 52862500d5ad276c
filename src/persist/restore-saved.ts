/**
 * A saved state built on a generated scenario (the large tenant), read in the core worker: the
 * scenario is generated again and every event checked there, off the page. `restoreSaved` opens
 * it (the page builds the tenant and its view a slice at a time, behind the loading bar);
 * `readSavedOffThread` only reads it (to check it, or to offer it back).
 */
import { findScenario } from '../core/scenarios/scenario-catalog';
import { type RawScenarioParams, readScenarioParams } from '../core/scenarios/scenario-params';
import { rememberReadBase } from '../share/state-document';
import { type Loading, rememberGenerated, useTenantStore } from '../store/tenant-store';
import type { SavedCheck } from './persistence';
import { peekSavedBase } from './saved-state';

/** A saved state whose scenario is generated again in the worker. */
export interface SavedToRestore {
  readonly text: string;
  readonly loading: Loading;
}

/**
 * The saved text, when it starts from a generated scenario with valid parameters and a worker
 * can read it; else null (the page reads it as any other).
 */
export function generatedSaved(text: string): SavedToRestore | null {
  if (typeof Worker !== 'function') return null;
  const base = peekSavedBase(text);
  const entry = findScenario(base?.scenarioId);
  if (base === null || entry?.kind !== 'generated') return null;
  const read = readScenarioParams(entry.params, base.params as RawScenarioParams);
  return read.ok ? { text, loading: { id: entry.id, params: read.params } } : null;
}

/**
 * Open a saved state of a generated scenario: the worker reads it (generating the scenario again,
 * checking every event) while the page shows the default scenario with the progress bar; the page
 * builds the tenant from its events. Cancel (or another scenario picked meanwhile) leaves the
 * page as it is and the saved state in storage, unopened.
 */
export async function restoreSaved({ text, loading }: SavedToRestore): Promise<SavedCheck> {
  const store = useTenantStore;
  const unopened: SavedCheck = { kind: 'unopened', text };
  store.setState({ loading });
  try {
    const { arrivedLog, runFor } = await import('../worker/off-thread');
    const outcome = await runFor(loading, { type: 'read-saved', text });
    if (store.getState().loading !== loading) return unopened;
    if (outcome.kind === 'unreadable') {
      store.setState({ loading: null });
      return { kind: 'unreadable', text, problems: outcome.problems };
    }
    const { facts, genesis, tenant, view, baseTenant } = outcome.log;
    // Its scenario's own events, so that saving names them again instead of writing them out.
    const { state, base } = arrivedLog(outcome.log);
    rememberGenerated(facts.scenarioParams, {
      id: facts.scenarioId,
      title: facts.title,
      genesis,
      events: base,
      tenant: baseTenant,
    });
    store.getState().replaceLog(state, tenant, view);
    return { kind: 'readable', text, state };
  } catch (error) {
    if (store.getState().loading === loading) {
      store.setState({ loading: null });
      const why = error instanceof Error ? error.message : String(error);
      store
        .getState()
        .showNotice(
          'error',
          `The state saved in this browser could not be opened: ${why} It stays saved; reload to try again.`,
        );
    }
    return unopened;
  }
}

/** Until the store loads no scenario: the worker runs one request at a time. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (useTenantStore.getState().loading === null) return resolve();
    const unsubscribe = useTenantStore.subscribe((state) => {
      if (state.loading !== null) return;
      unsubscribe();
      resolve();
    });
  });
}

/**
 * Read (and check) a generated saved state in the worker without opening it: what `checkSaved`
 * does on the page, without holding the page for the seconds a generation takes. Undefined when
 * the worker's reading was cancelled (another load took the worker): the caller reads it on the
 * page instead.
 */
export async function readSavedOffThread({
  text,
}: SavedToRestore): Promise<SavedCheck | undefined> {
  await whenIdle();
  const { arrivedLog, coreClient } = await import('../worker/off-thread');
  let outcome: Awaited<ReturnType<ReturnType<typeof coreClient>['run']>['done']> | undefined;
  try {
    outcome = await coreClient().run({ type: 'read-saved', text }, {}, { build: false }).done;
  } catch {
    return undefined;
  }
  if (outcome.kind === 'unreadable')
    return { kind: 'unreadable', text, problems: outcome.problems };
  // Its scenario's own events, as the page's reader remembers them: what a replacement would
  // drop counts only the changes after them, and a save names them rather than writing them.
  const { state, base } = arrivedLog(outcome.log);
  rememberReadBase(state.genesis, base);
  return { kind: 'readable', text, state };
}
