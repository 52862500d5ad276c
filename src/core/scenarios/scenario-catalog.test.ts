// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { replay } from '../apply';
import { SCENARIOS } from './scenario-catalog';

describe('every scenario the console offers', () => {
  it.each(SCENARIOS.map((entry) => [entry.id, entry] as const))(
    '%s replays event for event, with nothing refused',
    async (_, entry) => {
      const scenario =
        entry.kind === 'fixed'
          ? entry.scenario
          : await entry.generate({ people: 120, keysPerPerson: 2 });
      const { tenant, refused } = replay(scenario.genesis, scenario.events);
      expect(refused).toEqual([]);
      expect(tenant.sequence).toBe(scenario.events.length);
    },
  );
});
