/**
 * The `large` scenario's parameters, apart from its generator so that the catalog (in the initial
 * chunk) can validate a link's parameters without loading the generator.
 */
import type { ScenarioParamSpec } from './scenario-params';

export const LARGE_PEOPLE: ScenarioParamSpec = {
  name: 'people',
  min: 1,
  max: 20_000,
  defaultValue: 10_000,
};

export const LARGE_KEYS_PER_PERSON: ScenarioParamSpec = {
  name: 'keysPerPerson',
  min: 0,
  max: 10,
  defaultValue: 4,
};

export const LARGE_PARAMS: readonly ScenarioParamSpec[] = [LARGE_PEOPLE, LARGE_KEYS_PER_PERSON];
