/**
 * The one store. It holds what cannot be derived: the scenario's genesis, the event log and the
 * cursor into it (everything before the cursor is in effect; a timeline can move it later).
 * The tenant, verdicts and matrices are derived from these with memoised core functions.
 */
import { create } from 'zustand';
import { apply } from '../core/apply';
import type { TenantEvent } from '../core/events';
import type { Tenant, TenantGenesis } from '../core/model';
import type { Scenario } from '../core/scenarios/scenario-builder';
import { DEFAULT_SCENARIO_ID, findScenario, SCENARIOS } from '../core/scenarios/scenario-catalog';
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

export interface TenantStore {
  readonly scenarioId: string;
  readonly genesis: TenantGenesis;
  readonly events: readonly TenantEvent[];
  readonly cursor: number;
  /** The last refusal or message for the person at the console. */
  readonly notice: Notice | null;
  /** Build the command's event against the current tenant, apply it, and log it if accepted. */
  dispatch(command: Command): DispatchResult;
  loadScenario(id: string): void;
  resetScenario(): void;
  dismissNotice(): void;
  showNotice(tone: Notice['tone'], message: string): void;
}

const deriver = createTenantDeriver();

export function selectTenant(state: Pick<TenantStore, 'genesis' | 'events' | 'cursor'>): Tenant {
  return deriver.derive(state.genesis, state.events, state.cursor);
}

function scenarioState(scenario: Scenario) {
  return {
    scenarioId: scenario.id,
    genesis: scenario.genesis,
    events: scenario.events,
    cursor: scenario.events.length,
  };
}

let noticeIds = 0;

function initialScenario(): Scenario {
  return findScenario(DEFAULT_SCENARIO_ID) ?? (SCENARIOS[0] as Scenario);
}

export const useTenantStore = create<TenantStore>()((set, get) => ({
  ...scenarioState(initialScenario()),
  notice: null,
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
    set({ events, cursor: events.length, notice: null });
    return { ok: true };
  },
  loadScenario(id) {
    const scenario = findScenario(id);
    if (scenario === undefined) {
      set({ notice: { id: ++noticeIds, tone: 'error', message: `There is no scenario "${id}".` } });
      return;
    }
    set({ ...scenarioState(scenario), notice: null });
  },
  resetScenario() {
    get().loadScenario(get().scenarioId);
  },
  dismissNotice() {
    set({ notice: null });
  },
  showNotice(tone, message) {
    set({ notice: { id: ++noticeIds, tone, message } });
  },
}));
