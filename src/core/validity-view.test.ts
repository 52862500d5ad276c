// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty, propertyTimeout } from '../test/property';
import { changeStatus } from './commands';
import type { TenantEvent } from './events';
import {
  janeTinoStart,
  mustApply,
  runIntents,
  scenarioRunArb,
  startTenant,
} from './testing/arbitraries';
import { advanceValidityView, advanceValidityViewBy, buildValidityView } from './validity-view';
import { validityViewBuilder } from './validity-view-builder';
import { whatIfMatrix } from './what-if';

// Property runs (fast-check): CPU-bound by design, so allowed more than the default 5 s when
// the whole suite shares a busy machine.
describe('validity view', { timeout: propertyTimeout(30_000) }, () => {
  it('equals the matrix built from scratch after every accepted event of any sequence', () => {
    let advanced = 0;
    assertProperty(
      fc.property(scenarioRunArb, ({ start, intents }) => {
        const run = runIntents(start, intents);
        let view = buildValidityView(run.initial);
        for (const step of run.steps) {
          if (!step.result.ok) continue;
          view = advanceValidityView(view, step.result.tenant, step.event as TenantEvent);
          advanced++;
          expect(view.rows).toEqual(whatIfMatrix(step.result.tenant));
          view.rows.forEach((row, index) => {
            expect(view.rowIndex.get(row.key.id)).toBe(index);
          });
        }
      }),
      1000,
    );
    expect(advanced).toBeGreaterThan(2000);
  });

  it('advanced by many events at once, equals the matrix built from scratch (property)', () => {
    assertProperty(
      fc.property(scenarioRunArb, fc.nat(), ({ start, intents }, cut) => {
        const run = runIntents(start, intents);
        const accepted = run.steps.filter((step) => step.result.ok);
        // Advance one event at a time up to a cut, then the rest in one batch.
        const at = accepted.length === 0 ? 0 : cut % (accepted.length + 1);
        let view = buildValidityView(run.initial);
        for (const step of accepted.slice(0, at)) {
          view = advanceValidityView(view, step.result.tenant, step.event as TenantEvent);
        }
        const rest = accepted.slice(at).map((step) => step.event as TenantEvent);
        view = advanceValidityViewBy(view, run.final, rest);
        expect(view.rows).toEqual(whatIfMatrix(run.final));
        view.rows.forEach((row, index) => {
          expect(view.rowIndex.get(row.key.id)).toBe(index);
        });
      }),
      1000,
    );
  });

  it('recomputes only the rows of the account an event touches', () => {
    const tenant = startTenant(janeTinoStart);
    const view = buildValidityView(tenant);
    const jane = [...tenant.accounts.values()].find((account) => account.name === 'Jane Tino');
    if (jane === undefined) throw new Error('no Jane');
    const after = mustApply(tenant, changeStatus(tenant, 'account_deactivated', jane.id));
    const next = advanceValidityView(
      view,
      after,
      changeStatus(tenant, 'account_deactivated', jane.id),
    );
    next.rows.forEach((row, index) => {
      if (row.key.createdBy === jane.id) expect(row).not.toBe(view.rows[index]);
      else expect(row).toBe(view.rows[index]);
    });
  });

  it('built in steps of any sizes, equals the view built at once (property)', () => {
    assertProperty(
      fc.property(
        scenarioRunArb,
        fc.array(fc.nat(7), { minLength: 1 }),
        ({ start, intents }, sizes) => {
          const tenant = runIntents(start, intents).final;
          const builder = validityViewBuilder(tenant);
          expect(builder.total).toBe(tenant.keys.size);
          let turn = 0;
          while (builder.built < builder.total) {
            const before = builder.built;
            // A step of 0 builds nothing; the loop then moves on to the next size.
            builder.step(sizes[turn % sizes.length] as number);
            expect(builder.built - before).toBeLessThanOrEqual(
              sizes[turn % sizes.length] as number,
            );
            if (builder.built === before) builder.step(1);
            turn++;
          }
          const view = builder.view();
          const whole = buildValidityView(tenant);
          expect(view.rows).toEqual(whole.rows);
          view.rows.forEach((row, index) => {
            expect(view.rowIndex.get(row.key.id)).toBe(index);
          });
        },
      ),
      200,
    );
  });

  it('refuses to give a view it has not finished', () => {
    const builder = validityViewBuilder(startTenant(janeTinoStart));
    builder.step(1);
    expect(() => builder.view()).toThrow(`The view is built to 1 of ${builder.total} keys.`);
    builder.step(builder.total);
    expect(builder.built).toBe(builder.total);
    expect(builder.view().rows).toHaveLength(builder.total);
  });
});
