// @vitest-environment node
/**
 * Invariants of the offboarding plan over random tenants with credentials, stories and actions
 * (./../testing/automation-arbitraries.ts) and random offboarding sets. Each property counts the
 * cases it met, so that a generator that stopped reaching them fails rather than passes vacuously.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty, propertyTimeout } from '../../test/property';
import { apply } from '../apply';
import { changeStatus } from '../commands';
import type { TenantEvent } from '../events';
import { evaluateKey } from '../key-verdict';
import type { Tenant } from '../model';
import { janeTinoStart, startTenant } from '../testing/arbitraries';
import {
  automationTenantArb,
  janeAutomationTenantArb,
  offboardingArb,
  offboardingSet,
} from '../testing/automation-arbitraries';
import { adviseFixes, applyFixes } from './advisor';
import { impactOf, planIsClear } from './impact';
import { type ActionOutcome, fails, runStory } from './run-story';

const NUM_RUNS = 1000;

/** Every live story run on its own against the tenant: each action's outcome by id. */
function runAll(tenant: Tenant, events: readonly TenantEvent[]): Map<string, ActionOutcome> {
  const outcomes = new Map<string, ActionOutcome>();
  for (const story of tenant.stories.values()) {
    const run = runStory(tenant, events, story.id);
    if (!run.ok) continue;
    for (const action of run.actions)
      outcomes.set(`${story.id}/${action.actionId}`, action.outcome);
  }
  return outcomes;
}

describe('properties of the offboarding plan', { timeout: propertyTimeout(60_000) }, () => {
  it('(a) lists as failing with 401 exactly the actions that answer 401 when run after the change, and did not before', () => {
    const seen = { planned401: 0, plannedUnresolved: 0, unchanged401: 0 };
    assertProperty(
      fc.property(automationTenantArb, offboardingArb, ({ tenant, events }, { picks, change }) => {
        const accountIds = offboardingSet(tenant, picks);
        const impact = impactOf(tenant, events, accountIds, change);
        const before = runAll(tenant, events);
        const after = runAll(impact.after, [...events, ...impact.events]);
        const newly = (test: (outcome: ActionOutcome) => boolean) =>
          [...after]
            .filter(([id, outcome]) => {
              const was = before.get(id);
              return test(outcome) && was !== undefined && !fails(was);
            })
            .map(([id]) => id)
            .sort();
        const planned = (kind: 'refused' | 'unresolved') =>
          impact.actions
            .filter((action) => action.after.kind === kind)
            .map((action) => `${action.storyId}/${action.actionId}`)
            .sort();
        expect(planned('refused')).toEqual(newly((outcome) => outcome.status === 401));
        expect(planned('unresolved')).toEqual(newly((outcome) => outcome.kind === 'unresolved'));
        // The reason code of each planned 401 is the one the run gets.
        for (const action of impact.actions) {
          const ran = after.get(`${action.storyId}/${action.actionId}`);
          if (action.after.kind === 'refused' && ran?.kind === 'answered') {
            expect(action.after.code).toBe(ran.code);
            expect(action.after.rule).toBe(ran.rule);
          }
        }
        seen.planned401 += planned('refused').length;
        seen.plannedUnresolved += planned('unresolved').length;
        for (const [id, outcome] of after) {
          if (outcome.status === 401 && before.get(id)?.status === 401) seen.unchanged401++;
        }
      }),
      NUM_RUNS,
    );
    for (const [name, count] of Object.entries(seen)) expect(count, name).toBeGreaterThan(20);
  });

  it('(b) after every proposed fix with an eligible account, nothing of the plan fails; no created key is personal', () => {
    const seen = { fixed: 0, recreated: 0, noCreator: 0 };
    assertProperty(
      fc.property(automationTenantArb, offboardingArb, ({ tenant, events }, { picks, change }) => {
        const accountIds = offboardingSet(tenant, picks);
        const impact = impactOf(tenant, events, accountIds, change);
        const fixes = adviseFixes(tenant, events, impact);
        const fixed = applyFixes(tenant, events, fixes);
        const created = [...fixed.tenant.keys.values()].slice(tenant.keys.size);
        expect(created.every((key) => key.scope !== 'personal')).toBe(true);
        const again = impactOf(fixed.tenant, fixed.events, accountIds, change);
        const unfixed = new Set(
          fixes.filter((fix) => fix.creator === null).map((f) => f.credentialId),
        );
        if (unfixed.size === 0) expect(planIsClear(again)).toBe(true);
        for (const action of again.actions) {
          expect(unfixed.has(action.credentialId ?? '')).toBe(true);
        }
        seen.fixed += fixes.filter((fix) => fix.creator !== null).length;
        seen.recreated += fixes.filter((fix) => fix.placement.kind === 'recreate').length;
        seen.noCreator += unfixed.size;
      }),
      NUM_RUNS,
    );
    for (const [name, count] of Object.entries(seen)) expect(count, name).toBeGreaterThan(5);
  });

  it('(c) changes no verdict of the FAQ’s keys: not the credentials, stories, runs, plans nor fixes', () => {
    const faq = startTenant(janeTinoStart);
    const faqKeys = [...faq.keys.values()];
    assertProperty(
      fc.property(
        janeAutomationTenantArb,
        offboardingArb,
        ({ tenant, events }, { picks, change }) => {
          for (const key of faqKeys) {
            expect(evaluateKey(tenant, key.id)).toEqual(evaluateKey(faq, key.id));
          }
          // Runs (their events applied), then the plan and its fixes, then the change itself.
          let current = tenant;
          const log = [...events];
          for (const story of tenant.stories.values()) {
            const run = runStory(current, log, story.id);
            if (!run.ok) continue;
            current = run.tenant;
            log.push(...run.events);
          }
          const accountIds = offboardingSet(current, picks);
          const impact = impactOf(current, log, accountIds, change);
          const fixed = applyFixes(current, log, adviseFixes(current, log, impact));
          let plain = faq;
          for (const accountId of accountIds) {
            const type = change === 'deactivate' ? 'account_deactivated' : 'account_deleted';
            const result = apply(plain, changeStatus(plain, type, accountId));
            if (result.ok) plain = result.tenant;
          }
          const afterFixes = impactOf(fixed.tenant, fixed.events, accountIds, change).after;
          for (const key of faqKeys) {
            const expected = evaluateKey(plain, key.id);
            expect(evaluateKey(current, key.id)).toEqual(evaluateKey(faq, key.id));
            expect(evaluateKey(fixed.tenant, key.id)).toEqual(evaluateKey(faq, key.id));
            expect(evaluateKey(impact.after, key.id)).toEqual(expected);
            expect(evaluateKey(afterFixes, key.id)).toEqual(expected);
          }
        },
      ),
      NUM_RUNS,
    );
  });
});
