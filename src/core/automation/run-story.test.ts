// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apply } from '../apply';
import { changeStatus, createKey, recordStoryRun, rotateCredential } from '../commands';
import { automationBuilder, janeChain } from '../testing/automation-arbitraries';
import { keyNamed } from '../testing/named';
import { actionResults, judgeAction, runStory } from './run-story';

function statuses(run: ReturnType<typeof runStory>) {
  if (!run.ok) throw new Error(run.reason);
  return run.actions.map(({ name, outcome }) => ({
    name,
    status: outcome.status,
    rule: outcome.rule,
    ...(outcome.kind === 'answered' ? { code: outcome.code } : {}),
    ...(outcome.kind === 'unresolved' ? { reason: outcome.reason } : {}),
  }));
}

describe('runStory', () => {
  it('sends each action with the credential’s key and answers 200', () => {
    const c = janeChain();
    const run = runStory(c.tenant, c.events, c.stories.userSync);
    expect(statuses(run)).toEqual([
      { name: 'List users', status: 200, rule: 'perm.owner-access', code: null },
      { name: 'Who am I', status: 200, rule: 'perm.info-any-key', code: null },
    ]);
    if (!run.ok) return;
    const personal = keyNamed(c.tenant, 'Jane personal');
    expect(run.actions[0]?.outcome).toMatchObject({
      credentialId: c.credentials.personal,
      keyId: personal.id,
    });
    expect(run.actions[0]?.request?.headers['authorization']).toBe(`Bearer ${personal.secret}`);
    expect(run.events).toEqual([]);
    expect(run.tenant).toBe(c.tenant);
  });

  it('answers 401 OWNER_DEACTIVATED once Jane is deactivated, and 200 again when she is back', () => {
    const c = janeChain();
    c.builder.record((t) => changeStatus(t, 'account_deactivated', c.jane));
    expect(statuses(runStory(c.builder.tenant(), c.builder.events(), c.stories.userSync))).toEqual([
      {
        name: 'List users',
        status: 401,
        rule: 'auth.personal-owner-deactivated',
        code: 'OWNER_DEACTIVATED',
      },
      {
        name: 'Who am I',
        status: 401,
        rule: 'auth.personal-owner-deactivated',
        code: 'OWNER_DEACTIVATED',
      },
    ]);
    // Her team, service and tenant owner keys keep working (S1).
    for (const story of [c.stories.auditExport, c.stories.membersReport]) {
      const run = runStory(c.builder.tenant(), c.builder.events(), story);
      expect(statuses(run).map((action) => action.status)).toEqual([200]);
    }
    c.builder.record((t) => changeStatus(t, 'account_reactivated', c.jane));
    const again = runStory(c.builder.tenant(), c.builder.events(), c.stories.userSync);
    expect(statuses(again).map((action) => action.status)).toEqual([200, 200]);
  });

  it('does not send an action whose credential went with its owner’s drafts (S9)', () => {
    const c = janeChain();
    c.builder.record((t) => changeStatus(t, 'account_deleted', c.jane));
    expect(
      statuses(runStory(c.builder.tenant(), c.builder.events(), c.stories.secopsTriage)),
    ).toEqual([
      {
        name: 'Look up',
        status: 401,
        rule: 'auth.personal-owner-deleted',
        code: 'OWNER_DELETED',
      },
      {
        name: 'Scratch members',
        status: null,
        rule: 'run.credential-unresolved',
        reason: 'DELETED_WITH_DRAFTS',
      },
    ]);
  });

  it('answers 403 when the key is accepted but lacks the permission', () => {
    const c = janeChain();
    // Sam's team key is a Viewer on Team Automation: it may list members, not create stories.
    const samTeam = keyNamed(c.tenant, 'Sam team');
    c.builder.record((t) =>
      rotateCredential(t, c.credentials.team, { kind: 'key', keyId: samTeam.id }),
    );
    const story = c.stories.membersReport;
    c.builder.action(story, {
      name: 'Create a story',
      method: 'POST',
      path: '/api/v1/stories',
      headers: { 'Content-Type': 'application/json' },
      body: '{"team_id":"team_automation","name":"From a run"}',
      credential: 'jane_team_key',
    });
    c.builder.action(story, {
      name: 'List users',
      method: 'GET',
      path: '/api/v1/admin/users',
      credential: 'jane_team_key',
    });
    expect(statuses(runStory(c.builder.tenant(), c.builder.events(), story))).toEqual([
      { name: 'List members', status: 200, rule: 'perm.team-members', code: null },
      {
        name: 'Create a story',
        status: 403,
        rule: 'perm.create-story',
        code: 'TEAM_ROLE_TOO_LOW',
      },
      { name: 'List users', status: 403, rule: 'perm.admin-users', code: 'NOT_TENANT_OWNER' },
    ]);
  });

  it('applies the events its requests cause, in order, and returns them', () => {
    const c = janeChain();
    const story = c.stories.membersReport;
    c.builder.action(story, {
      name: 'Create a story',
      method: 'POST',
      path: '/api/v1/stories',
      headers: { 'Content-Type': 'application/json' },
      body: '{"team_id":"team_automation","name":"From a run"}',
      credential: 'jane_team_key',
    });
    const before = c.builder.tenant();
    const run = runStory(before, c.builder.events(), story);
    if (!run.ok) throw new Error(run.reason);
    expect(run.actions.map((action) => action.outcome.status)).toEqual([200, 201]);
    expect(run.events.map((event) => event.type)).toEqual(['story_created']);
    expect([...run.tenant.stories.values()].at(-1)?.name).toBe('From a run');
    expect([...before.stories.values()].some((s) => s.name === 'From a run')).toBe(false);
  });

  it('does not judge an external secret, and sends one mixed with a key as a placeholder', () => {
    const c = janeChain();
    c.builder.credential({ teamId: 'team_automation' }, 'Slack token', { kind: 'external' });
    const story = c.builder.story({ teamId: 'team_automation' }, 'Notify');
    c.builder.action(story, {
      name: 'Only external',
      method: 'GET',
      path: '/api/v1/info',
      credential: 'slack_token',
    });
    c.builder.action(story, {
      name: 'Mixed',
      method: 'GET',
      path: '/api/v1/info',
      headers: { 'X-Slack': '<<CREDENTIAL.slack_token>>' },
      credential: 'jane_team_key',
    });
    const run = runStory(c.builder.tenant(), c.builder.events(), story);
    expect(statuses(run)).toEqual([
      { name: 'Only external', status: null, rule: 'run.external-secret' },
      { name: 'Mixed', status: 200, rule: 'perm.info-any-key', code: null },
    ]);
    if (run.ok)
      expect(run.actions[1]?.request?.headers['x-slack']).toBe('external-secret:slack_token');
  });

  it('gives results recordStoryRun takes when every action was sent', () => {
    const c = janeChain();
    const run = runStory(c.tenant, c.events, c.stories.userSync);
    if (!run.ok) throw new Error(run.reason);
    const results = actionResults(run.actions).map((r) => ({ ...r, status: r.status ?? 0 }));
    const recorded = apply(c.tenant, recordStoryRun(c.tenant, c.stories.userSync, results));
    expect(recorded.ok).toBe(true);
  });

  it('refuses a story that does not exist or was deleted', () => {
    const c = janeChain();
    expect(runStory(c.tenant, c.events, 'sto_nope')).toEqual({
      ok: false,
      reason: 'There is no story "sto_nope".',
    });
  });

  it('judges an action the API refuses before reading its key as the API does (413), before and after a change', () => {
    const c = janeChain();
    const b = automationBuilder(c.tenant, c.events);
    const story = [...c.tenant.stories.values()].find((s) => s.name === 'User sync');
    if (story === undefined) throw new Error('no User sync story');
    // Within what a story may hold (100,000 characters), over what the API reads (65,536 bytes).
    b.action(story.id, {
      name: 'Post a big note',
      method: 'POST',
      path: '/api/v1/stories',
      headers: { authorization: 'Bearer <<CREDENTIAL.jane_personal_key>>', ['__proto__']: 'kept' },
      body: JSON.stringify({ team_id: 1, name: 'x'.repeat(70_000) }),
    } as never);
    for (const deactivated of [false, true]) {
      if (deactivated) b.record((t) => changeStatus(t, 'account_deactivated', c.jane));
      const tenant = b.tenant();
      const now = tenant.stories.get(story.id);
      if (now === undefined) throw new Error('the story went');
      const run = runStory(tenant, b.events(), story.id);
      if (!run.ok) throw new Error(run.reason);
      const sent = run.actions.at(-1);
      expect(sent?.outcome).toMatchObject({ status: 413, rule: 'api.too-large' });
      // A header named __proto__ is sent as a header, not dropped into the prototype.
      expect(Object.keys(sent?.request?.headers ?? {})).toContain('__proto__');
      const judged = judgeAction(tenant, now, now.actions.at(-1) as (typeof now.actions)[number]);
      expect(judged).toMatchObject({ kind: 'refused', status: 413, code: 'BODY_TOO_LARGE' });
    }
  });

  it('judges an action as the API authenticates it, without sending it', () => {
    const c = janeChain();
    const b = automationBuilder(c.tenant, c.events);
    b.record((t) => createKey(t, { name: 'spare', scope: 'personal', createdBy: c.jane }));
    b.record((t) => changeStatus(t, 'account_deactivated', c.jane));
    for (const tenant of [c.tenant, b.tenant()]) {
      for (const story of tenant.stories.values()) {
        const run = runStory(tenant, b.events(), story.id);
        if (!run.ok) continue;
        story.actions.forEach((action, i) => {
          const judged = judgeAction(tenant, story, action);
          const outcome = run.actions[i]?.outcome;
          if (judged.kind === 'accepted') expect(outcome?.status).not.toBe(401);
          else
            expect({ status: judged.status, rule: judged.rule }).toEqual({
              status: outcome?.status,
              rule: outcome?.rule,
            });
        });
      }
    }
  });
});
