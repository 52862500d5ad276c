/**
 * The one store. It holds what cannot be derived: the scenario (its id and parameters), its
 * genesis, the event log and the cursor into it (everything before the cursor is in effect; a
 * timeline can move it later), and whether a generated scenario is being loaded.
 * The tenant, verdicts and matrices are derived from these with memoised core functions.
 */
import { create } from 'zustand';
import type { TenantEvent } from '../core/events';
import type { Tenant, TenantGenesis } from '../core/model';
import { apply } from '../core/reducer';
import type { Scenario } from '../core/scenarios/scenario-builder';
import {
  DEFAULT_SCENARIO_ID,
  findScenario,
  type GeneratedScenarioEntry,
  SCENARIOS,
} from '../core/scenarios/scenario-catalog';
import {
  type RawScenarioParams,
  readScenarioParams,
  type ScenarioParams,
  sameParams,
} from '../core/scenarios/scenario-params';
import type { ValidityView } from '../core/validity-view';
import { createTenantDeriver } from './derive-tenant';

export interface Notice {
  readonly id: number;
  readonly tone: 'error' | 'info';
  readonly message: string;
}

/** A command: builds its event from the current tenant (ids and time are minted from it). */
export type Command = (tenant: Tenant) => TenantEvent;

export type DispatchResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: string };

/** Everything the store holds about the tenant: what an export, a link or a reload carries. */
export interface LogState {
  readonly scenarioId: string;
  readonly scenarioParams: ScenarioParams;
  readonly genesis: TenantGenesis;
  readonly events: readonly TenantEvent[];
  readonly cursor: number;
}

/** A move of the timeline's cursor built a slice at a time (store/travel.ts). */
export interface Travel {
  readonly cursor: number;
  /** The log's length when it started. */
  readonly total: number;
}

/** A generated scenario on its way in. */
export interface Loading {
  readonly id: string;
  readonly params: ScenarioParams;
}

export interface TenantStore {
  readonly scenarioId: string;
  /** The scenario's validated parameters (none for a fixed scenario); Reset reuses them. */
  readonly scenarioParams: ScenarioParams;
  readonly genesis: TenantGenesis;
  readonly events: readonly TenantEvent[];
  readonly cursor: number;
  /** Set while a generated scenario is built; the current one stays on screen meanwhile. */
  readonly loading: Loading | null;
  /**
   * Set while a far move of the cursor is built (a big tenant): the moment shown stays until it
   * arrives. Any change, another move or `cancelTravel` ends it.
   */
  readonly travelling: Travel | null;
  /** The last refusal or message for the person at the console. */
  readonly notice: Notice | null;
  /** Build the command's event against the current tenant, apply it, and log it if accepted. */
  dispatch(command: Command): DispatchResult;
  /**
   * Several events as one change (a plan's fixes, offboarding many people): each is applied to
   * the tenant the previous ones left; if any is refused, none is logged and the notice says why.
   * Each event stays its own step of the timeline (undo steps back one at a time).
   */
  dispatchAll(commands: (tenant: Tenant) => readonly TenantEvent[]): DispatchResult;
  /**
   * Open a scenario. A fixed one is in place when this returns; a generated one when the promise
   * settles. Invalid parameters are refused with a notice naming them, and nothing changes.
   */
  loadScenario(id: string, params?: RawScenarioParams): Promise<DispatchResult>;
  resetScenario(): Promise<DispatchResult>;
  /** Stop the load under way (its worker ends): the scenario shown stays exactly as it is. */
  cancelLoading(): void;
  /**
   * Time travel: put the cursor at `cursor` (0 = before the first event), clamped to the log.
   * The events after it stay in the log as the redo branch until a new change drops them.
   */
  goTo(cursor: number): void;
  /** Stop the move under way: the moment shown stays. */
  cancelTravel(): void;
  /** Step the cursor one event back or forward; false when there is nothing to undo or redo. */
  undo(): boolean;
  redo(): boolean;
  /**
   * Replace the whole state (an import, a shared link, what the last visit saved). The caller
   * has validated it: `events` all apply to `genesis` in order. `tenant`, when the caller built
   * it, is the tenant at the cursor: it is then not replayed again; `view`, its validity view.
   */
  replaceLog(state: LogState, tenant?: Tenant, view?: ValidityView): void;
  dismissNotice(): void;
  showNotice(tone: Notice['tone'], message: string): void;
}

const deriver = createTenantDeriver();

export function selectTenant(state: Pick<TenantStore, 'genesis' | 'events' | 'cursor'>): Tenant {
  return deriver.derive(state.genesis, state.events, state.cursor);
}

/** The validity matrix's rows, advanced event by event with the tenant. */
export function selectView(
  state: Pick<TenantStore, 'genesis' | 'events' | 'cursor'>,
): ValidityView {
  return deriver.deriveView(state.genesis, state.events, state.cursor);
}

/** The store's part of a scenario. A builder's tenant is handed to the deriver: no replay. */
function scenarioState(scenario: Scenario, params: ScenarioParams) {
  if (scenario.tenant !== undefined) {
    deriver.remember(
      scenario.genesis,
      scenario.events,
      scenario.events.length,
      scenario.tenant,
      scenario.view,
    );
  }
  return {
    scenarioId: scenario.id,
    scenarioParams: params,
    genesis: scenario.genesis,
    events: scenario.events,
    cursor: scenario.events.length,
    loading: null,
    travelling: null,
    notice: null,
  };
}

/**
 * The last generated scenario, so that Reset (or picking it again) does not generate it again.
 * Generation is deterministic, so this only saves time: the result is the same either way.
 */
let lastGenerated: { readonly params: ScenarioParams; readonly scenario: Scenario } | null = null;

function generated(entry: GeneratedScenarioEntry, params: ScenarioParams): Scenario | undefined {
  return lastGenerated !== null &&
    lastGenerated.scenario.id === entry.id &&
    sameParams(lastGenerated.params, params)
    ? lastGenerated.scenario
    : undefined;
}

/** A generated scenario built elsewhere (the base of a saved state read in the worker). */
export function rememberGenerated(params: ScenarioParams, scenario: Scenario): void {
  lastGenerated = { params, scenario };
}

/**
 * The events of the generated scenario `state` starts from, when this store generated it (same
 * genesis): an export, a link or the saved state then names them instead of writing them out.
 */
export function generatedBaseOf(
  state: Pick<LogState, 'genesis'>,
): readonly TenantEvent[] | undefined {
  return lastGenerated?.scenario.genesis === state.genesis
    ? lastGenerated.scenario.events
    : undefined;
}

let noticeIds = 0;

/** Another scenario was picked while this one loaded: the later choice wins. */
const SUPERSEDED: DispatchResult = { ok: false, reason: 'Another scenario was opened meanwhile.' };

function initialScenario(): Scenario {
  const entry = findScenario(DEFAULT_SCENARIO_ID) ?? SCENARIOS.find((s) => s.kind === 'fixed');
  if (entry?.kind !== 'fixed') throw new Error('The default scenario must be a fixed one.');
  return entry.scenario;
}

export const useTenantStore = create<TenantStore>()((set, get) => {
  const refuse = (message: string): DispatchResult => {
    set({ notice: { id: ++noticeIds, tone: 'error', message } });
    return { ok: false, reason: message };
  };

  async function loadGenerated(
    entry: GeneratedScenarioEntry,
    params: ScenarioParams,
  ): Promise<DispatchResult> {
    const ready = generated(entry, params);
    if (ready !== undefined) {
      set(scenarioState(ready, params));
      return { ok: true };
    }
    const loading: Loading = { id: entry.id, params };
    set({ loading });
    try {
      // The worker and its client load with the first generated scenario.
      const { generateScenario } = await import('../worker/off-thread');
      const scenario = await generateScenario(entry, params, loading);
      lastGenerated = { params, scenario };
      if (get().loading !== loading) return SUPERSEDED;
      set(scenarioState(scenario, params));
      return { ok: true };
    } catch (error) {
      if (get().loading !== loading) return SUPERSEDED;
      set({ loading: null });
      const why = error instanceof Error ? error.message : String(error);
      return refuse(`The scenario "${entry.title}" could not be generated: ${why}`);
    }
  }

  return {
    ...scenarioState(initialScenario(), {}),
    dispatch(command) {
      const state = get();
      const tenant = selectTenant(state);
      const event = command(tenant);
      const result = apply(tenant, event);
      if (!result.ok) {
        set({ notice: { id: ++noticeIds, tone: 'error', message: result.refusal.reason } });
        return { ok: false, reason: result.refusal.reason };
      }
      // Everything after the cursor is a redo branch; a new change drops it.
      const events = [...state.events.slice(0, state.cursor), event];
      deriver.remember(state.genesis, events, events.length, result.tenant);
      set({ events, cursor: events.length, travelling: null, notice: null });
      return { ok: true };
    },
    dispatchAll(commands) {
      const state = get();
      let tenant = selectTenant(state);
      const added = commands(tenant);
      for (const event of added) {
        const result = apply(tenant, event);
        if (!result.ok) {
          set({ notice: { id: ++noticeIds, tone: 'error', message: result.refusal.reason } });
          return { ok: false, reason: result.refusal.reason };
        }
        tenant = result.tenant;
      }
      if (added.length === 0) return { ok: true };
      const events = [...state.events.slice(0, state.cursor), ...added];
      deriver.remember(state.genesis, events, events.length, tenant);
      set({ events, cursor: events.length, travelling: null, notice: null });
      return { ok: true };
    },
    loadScenario(id, rawParams) {
      const entry = findScenario(id);
      if (entry === undefined) {
        return Promise.resolve(refuse(`There is no scenario "${id}".`));
      }
      if (entry.kind === 'fixed') {
        set(scenarioState(entry.scenario, {}));
        return Promise.resolve({ ok: true });
      }
      const read = readScenarioParams(entry.params, rawParams);
      if (!read.ok) {
        const current = findScenario(get().scenarioId)?.title ?? get().scenarioId;
        return Promise.resolve(
          refuse(`Cannot open "${entry.title}": ${read.reason} Still showing "${current}".`),
        );
      }
      return loadGenerated(entry, read.params);
    },
    resetScenario() {
      const { scenarioId, scenarioParams } = get();
      return get().loadScenario(scenarioId, scenarioParams);
    },
    cancelLoading() {
      if (get().loading !== null) set({ loading: null });
    },
    goTo(cursor) {
      const { genesis, events, cursor: current, travelling } = get();
      const next = Math.max(0, Math.min(events.length, Math.trunc(cursor)));
      // A new move replaces the one under way.
      if (travelling !== null) set({ travelling: null });
      if (next === current) return;
      if (deriver.isQuick(genesis, events, next)) {
        set({ cursor: next, notice: null });
        return;
      }
      // Far, on a big tenant: built a slice at a time (travel.ts), then the cursor moves.
      const travel: Travel = { cursor: next, total: events.length };
      set({ travelling: travel });
      // A chunk that cannot load ends the move: the moment shown stays.
      void import('./travel').then(
        (module) => module.travelTo(travel, useTenantStore, deriver),
        get().cancelTravel,
      );
    },
    cancelTravel() {
      if (get().travelling !== null) set({ travelling: null });
    },
    undo() {
      const { cursor } = get();
      if (cursor === 0) return false;
      get().goTo(cursor - 1);
      return true;
    },
    redo() {
      const { cursor, events } = get();
      if (cursor === events.length) return false;
      get().goTo(cursor + 1);
      return true;
    },
    replaceLog(next, tenant, view) {
      const cursor = Math.max(0, Math.min(next.events.length, next.cursor));
      if (tenant !== undefined) deriver.remember(next.genesis, next.events, cursor, tenant, view);
      set({
        scenarioId: next.scenarioId,
        scenarioParams: next.scenarioParams,
        genesis: next.genesis,
        events: next.events,
        cursor,
        loading: null,
        travelling: null,
        notice: null,
      });
    },
    dismissNotice() {
      set({ notice: null });
    },
    showNotice(tone, message) {
      set({ notice: { id: ++noticeIds, tone, message } });
    },
  };
});
