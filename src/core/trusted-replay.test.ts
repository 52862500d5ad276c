// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { replay } from './apply';
import { createTenant } from './model';
import { janeTinoScenario } from './scenarios/jane-tino';
import { replayTrusted, trustedBuilder } from './trusted-replay';

describe('trusted replay', () => {
  it('builds the same tenant as the validated replay of the same log', () => {
    const { genesis, events } = janeTinoScenario;
    expect(replayTrusted(genesis, events)).toEqual(replay(genesis, events).tenant);
  });

  it('counts the events it applied across pushes', () => {
    const { genesis, events } = janeTinoScenario;
    const builder = trustedBuilder(createTenant(genesis));
    builder.push(events.slice(0, 3));
    builder.push(events.slice(3));
    expect(builder.applied).toBe(events.length);
    expect(builder.tenant()).toEqual(replay(genesis, events).tenant);
  });
});
