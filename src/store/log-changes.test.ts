import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay } from '../core/apply';
import { changeStatus } from '../core/commands';
import type { TenantEvent } from '../core/events';
import { janeTinoScenario } from '../core/scenarios/jane-tino';
import { accountNamed } from '../core/testing/named';
import { assertProperty } from '../test/property';
import { droppedChanges } from './log-changes';

const { genesis, events: scenarioEvents } = janeTinoScenario;

/** The scenario's log and `n` console changes after it (deactivate, reactivate, …). */
function withChanges(n: number): TenantEvent[] {
  const events = [...scenarioEvents];
  let tenant = replay(genesis, events).tenant;
  const jane = accountNamed(tenant, 'Jane Tino').id;
  for (let i = 0; i < n; i += 1) {
    const event = changeStatus(
      tenant,
      i % 2 === 0 ? 'account_deactivated' : 'account_reactivated',
      jane,
    );
    events.push(event);
    tenant = replay(genesis, events).tenant;
  }
  return events;
}

describe('droppedChanges', () => {
  it('counts nothing in a scenario as it was made', () => {
    expect(droppedChanges(scenarioEvents, scenarioEvents)).toBe(0);
    expect(droppedChanges(structuredClone(scenarioEvents), scenarioEvents)).toBe(0);
  });

  it('counts every event the scenario did not make, the redo branch included', () => {
    assertProperty(
      fc.property(fc.integer({ min: 0, max: 6 }), (n) => {
        expect(droppedChanges(withChanges(n), scenarioEvents)).toBe(n);
        // Read back from a file or storage: other objects, the same data.
        expect(droppedChanges(JSON.parse(JSON.stringify(withChanges(n))), scenarioEvents)).toBe(n);
      }),
      7,
    );
  });

  it('keeps what the replacing log shares (a checkpoint): only changes after it are dropped', () => {
    const events = withChanges(5);
    assertProperty(
      fc.property(fc.integer({ min: 0, max: events.length }), (at) => {
        const kept = events.slice(0, at);
        const after = Math.max(0, at - scenarioEvents.length);
        expect(droppedChanges(events, scenarioEvents, kept)).toBe(5 - after);
      }),
      100,
    );
  });

  it('keeps nothing by sharing with a log read from outside (equal events, other objects)', () => {
    const events = withChanges(3);
    expect(droppedChanges(events, scenarioEvents, structuredClone(events))).toBe(3);
  });

  it('counts a whole log built on another set-up (an edited scenario event) as changes', () => {
    const events = withChanges(2);
    const edited = [
      { ...events[0], at: (events[0]?.at ?? 0) + 1 } as TenantEvent,
      ...events.slice(1),
    ];
    expect(droppedChanges(edited, scenarioEvents)).toBe(edited.length);
  });
});
