/**
 * Every scenario the console offers. Fixed scenarios are small logs held in the initial chunk;
 * generated ones are built on demand from parameters, and their generator's code loads lazily
 * (a dynamic import), so a large tenant costs nothing until someone asks for it.
 */
import { blankScenario } from './blank';
import { janeTinoScenario } from './jane-tino';
import type { OnGenerationProgress } from './large';
import { LARGE_KEYS_PER_PERSON, LARGE_PARAMS, LARGE_PEOPLE } from './large-params';
import type { Scenario } from './scenario-builder';
import type { ScenarioParamSpec, ScenarioParams } from './scenario-params';

interface EntryBase {
  readonly id: string;
  readonly title: string;
}

export interface FixedScenarioEntry extends EntryBase {
  readonly kind: 'fixed';
  readonly scenario: Scenario;
}

export interface GeneratedScenarioEntry extends EntryBase {
  readonly kind: 'generated';
  /** The parameters it takes (also its URL parameters), with ranges and defaults. */
  readonly params: readonly ScenarioParamSpec[];
  /** What the page says while it is generated. */
  loadingMessage(params: ScenarioParams): string;
  /**
   * Load the generator and run it. The params must have passed `readScenarioParams`.
   * `onProgress` hears where it is (the stage and counts) every few ms of work.
   */
  generate(params: ScenarioParams, onProgress?: OnGenerationProgress): Promise<Scenario>;
}

export type ScenarioEntry = FixedScenarioEntry | GeneratedScenarioEntry;

function fixed(scenario: Scenario): FixedScenarioEntry {
  const { id, title } = scenario;
  return { kind: 'fixed', id, title, scenario };
}

function paramOf(params: ScenarioParams, spec: ScenarioParamSpec): number {
  return params[spec.name] ?? spec.defaultValue;
}

const largeScenario: GeneratedScenarioEntry = {
  kind: 'generated',
  id: 'large',
  title: 'Large tenant (10,000 people)',
  params: LARGE_PARAMS,
  loadingMessage: (params) =>
    `Generating the large tenant (${paramOf(params, LARGE_PEOPLE).toLocaleString('en-US')} people, about ${(paramOf(params, LARGE_PEOPLE) * paramOf(params, LARGE_KEYS_PER_PERSON)).toLocaleString('en-US')} keys)…`,
  async generate(params, onProgress) {
    const { generateLargeScenario } = await import('./large');
    return generateLargeScenario(
      {
        people: paramOf(params, LARGE_PEOPLE),
        keysPerPerson: paramOf(params, LARGE_KEYS_PER_PERSON),
      },
      onProgress,
    );
  },
};

export const SCENARIOS: readonly ScenarioEntry[] = [
  fixed(janeTinoScenario),
  fixed(blankScenario),
  largeScenario,
];

export const DEFAULT_SCENARIO_ID = janeTinoScenario.id;

export function findScenario(id: string | null | undefined): ScenarioEntry | undefined {
  return SCENARIOS.find((scenario) => scenario.id === id);
}

/** Every parameter name any scenario takes: what the URL may carry besides `scenario`. */
export const SCENARIO_PARAM_NAMES: readonly string[] = [
  ...new Set(
    SCENARIOS.flatMap((entry) => (entry.kind === 'generated' ? entry.params : [])).map(
      (spec) => spec.name,
    ),
  ),
];
