import { blankScenario } from './blank';
import { janeTinoScenario } from './jane-tino';
import type { Scenario } from './scenario-builder';

export const SCENARIOS: readonly Scenario[] = [janeTinoScenario, blankScenario];

export const DEFAULT_SCENARIO_ID = janeTinoScenario.id;

export function findScenario(id: string | null | undefined): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.id === id);
}
