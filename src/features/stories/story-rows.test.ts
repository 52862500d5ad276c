// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apply, replay } from '../../core/apply';
import { changeStatus, recordStoryRun } from '../../core/commands';
import { janeTinoScenario } from '../../core/scenarios/jane-tino';
import { accountNamed } from '../../core/testing/named';
import { storyRows } from './story-rows';

const { tenant } = replay(janeTinoScenario.genesis, janeTinoScenario.events);
const row = (rows: ReturnType<typeof storyRows>, name: string) => {
  const found = rows.find((each) => each.story.name === name);
  if (found === undefined) throw new Error(`no story ${name}`);
  return found;
};

describe('storyRows', () => {
  it('names the credentials each story uses, and follows them when they change', () => {
    const before = storyRows(tenant);
    expect(row(before, 'SecOps audit digest').credentials).toEqual(['Jane drafts audit key']);
    // A run changes only the story: the names are the very same list.
    const digest = row(before, 'SecOps audit digest').story;
    const run = recordStoryRun(
      tenant,
      digest.id,
      digest.actions.map((action) => ({ actionId: action.id, status: 200, rule: 'x' })),
    );
    const applied = apply(tenant, run);
    if (!applied.ok) throw new Error(applied.refusal.reason);
    const ran = applied.tenant;
    expect(row(storyRows(ran), 'SecOps audit digest').credentials).toBe(
      row(before, 'SecOps audit digest').credentials,
    );
    expect(row(storyRows(ran), 'SecOps audit digest').lastRun).toBe('200');
    // Jane's deletion deletes her drafts credential (S9): the reference no longer resolves.
    const deleted = replay(janeTinoScenario.genesis, [
      ...janeTinoScenario.events,
      changeStatus(tenant, 'account_deleted', accountNamed(tenant, 'Jane Tino').id),
    ]).tenant;
    expect(row(storyRows(deleted), 'SecOps audit digest').credentials).toEqual([
      'jane_drafts_audit_key (unresolved)',
    ]);
  });
});
