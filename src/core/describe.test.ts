// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { replay } from './apply';
import { actionResults, runStory } from './automation/run-story';
import { changeStatus, createStory, recordStoryRun } from './commands';
import { describeEvent, describeEventParts, isolatedText } from './describe';
import { janeTinoScenario } from './scenarios/jane-tino';
import { accountNamed, keyNamed } from './testing/named';

const tenant = replay(janeTinoScenario.genesis, janeTinoScenario.events).tenant;
const jane = accountNamed(tenant, 'Jane Tino');
const byKey = changeStatus(tenant, 'account_deactivated', jane.id, {
  kind: 'key',
  keyId: keyNamed(tenant, 'Jane tenant owner').id,
});

describe('describeEvent', () => {
  it('writes a plain line, which is also the Timeline button’s accessible name', () => {
    expect(describeEvent(tenant, byKey)).toBe('Jane Tino was deactivated by key Jane tenant owner');
  });

  it('keeps the names it quotes apart, so a view can isolate them', () => {
    expect(describeEventParts(tenant, byKey)).toEqual([
      { name: 'Jane Tino' },
      ' was deactivated by key ',
      { name: 'Jane tenant owner' },
    ]);
    const story = createStory(tenant, { teamId: 'team_automation', name: 'Triage' });
    expect(describeEventParts(tenant, story)).toEqual([
      'Story "',
      { name: 'Triage' },
      '" was created in ',
      { name: 'Team Automation' },
      ' by the console',
    ]);
  });

  it('lists each action of a story run with its status and deciding rule, in order', () => {
    const after = replay(janeTinoScenario.genesis, [
      ...janeTinoScenario.events,
      changeStatus(tenant, 'account_deactivated', jane.id),
    ]).tenant;
    const sync = [...after.stories.values()].find((story) => story.name === 'User sync');
    if (sync === undefined) throw new Error('no User sync');
    const run = runStory(after, [], sync.id);
    if (!run.ok) throw new Error(run.reason);
    expect(describeEvent(after, recordStoryRun(after, sync.id, actionResults(run.actions)))).toBe(
      'Story "User sync" ran: 0 of 2 actions answered 2xx, by the console: "Fetch users" 401 (auth.personal-owner-deactivated); "Fetch Team Automation members" 401 (auth.personal-owner-deactivated)',
    );
  });

  it('isolates each name between U+2068 and U+2069 in plain text (the text form of <bdi>)', () => {
    expect(isolatedText(describeEventParts(tenant, byKey))).toBe(
      '\u2068Jane Tino\u2069 was deactivated by key \u2068Jane tenant owner\u2069',
    );
  });
});
