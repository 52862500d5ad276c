// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { replay } from './apply';
import { createKey } from './commands';
import { nextId } from './deterministic';
import { janeTinoScenario } from './scenarios/jane-tino';

describe('nextId', () => {
  it('numbers a new id after the event that creates it', () => {
    const { tenant } = replay(janeTinoScenario.genesis, janeTinoScenario.events);
    expect(nextId(tenant, 'key')).toBe(`key_${String(tenant.sequence + 1).padStart(4, '0')}`);
  });

  it('skips an id an imported log already took', () => {
    const { tenant } = replay(janeTinoScenario.genesis, janeTinoScenario.events);
    const jane = [...tenant.accounts.values()].find((a) => a.name === 'Jane Tino');
    if (jane === undefined) throw new Error('no Jane');
    // A hand-written log used the id that the command after this event would mint.
    const taken = `key_${String(tenant.sequence + 2).padStart(4, '0')}`;
    const event = {
      ...createKey(tenant, { name: 'x', scope: 'personal', createdBy: jane.id }),
      keyId: taken,
    };
    const next = replay(janeTinoScenario.genesis, [...janeTinoScenario.events, event]).tenant;
    expect(next.keys.has(taken)).toBe(true);
    const minted = nextId(next, 'key');
    expect(minted).not.toBe(taken);
    expect(next.keys.has(minted)).toBe(false);
  });
});
