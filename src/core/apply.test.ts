// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apply, EVENT_RULES, replay } from './apply';
import {
  changeRoles,
  changeStatus,
  createKey,
  createStory,
  deleteKey,
  inviteAccount,
  reinviteAccount,
  setRestrictApiKeyCreation,
} from './commands';
import { CREATION_RULES } from './creation-eligibility';
import type { TenantEvent } from './events';
import type { Account, ApiKey, Tenant } from './model';
import { janeTinoStart, mustApply, startTenant } from './testing/arbitraries';

const base = startTenant(janeTinoStart);

function accountNamed(name: string, tenant: Tenant = base): Account {
  const account = [...tenant.accounts.values()].find((a) => a.name === name);
  if (account === undefined) throw new Error(`No account named ${name}`);
  return account;
}

function keyNamed(name: string, tenant: Tenant = base): ApiKey {
  const key = [...tenant.keys.values()].find((k) => k.name === name);
  if (key === undefined) throw new Error(`No key named ${name}`);
  return key;
}

const jane = accountNamed('Jane Tino');
const vera = accountNamed('Vera Lin');
const sam = accountNamed('Sam Patel');
const janeDeleted = mustApply(base, changeStatus(base, 'account_deleted', jane.id));
const janeDeactivated = mustApply(base, changeStatus(base, 'account_deactivated', jane.id));

/** `apply` takes a TenantEvent; the malformed cases are deliberately not one. */
const raw = (value: unknown): TenantEvent => value as TenantEvent;

/** A refusal leaves the very same tenant object and says why. */
function expectRefused(tenant: Tenant, event: TenantEvent, reason?: string | RegExp): void {
  const result = apply(tenant, event);
  expect(result.ok).toBe(false);
  expect(result.tenant).toBe(tenant);
  if (result.ok) return;
  expect(result.refusal.reason.trim()).not.toBe('');
  expect(result.refusal.rule.id).not.toBe('');
  if (typeof reason === 'string') expect(result.refusal.reason).toBe(reason);
  else if (reason !== undefined) expect(result.refusal.reason).toMatch(reason);
}

function refusalRuleOf(tenant: Tenant, event: TenantEvent): string | undefined {
  const result = apply(tenant, event);
  return result.ok ? undefined : result.refusal.rule.id;
}

describe('apply refuses impossible lifecycle steps', () => {
  it('refuses to reactivate a deleted account', () => {
    const event = changeStatus(janeDeleted, 'account_reactivated', jane.id);
    expectRefused(janeDeleted, event, /deleted account cannot be reactivated/);
    expect(refusalRuleOf(janeDeleted, event)).toBe(EVENT_RULES.lifecycle.id);
  });

  it('refuses to deactivate an account twice', () => {
    expectRefused(
      janeDeactivated,
      changeStatus(janeDeactivated, 'account_deactivated', jane.id),
      'Jane Tino is already deactivated.',
    );
  });

  it('refuses to deactivate a deleted account', () => {
    expectRefused(
      janeDeleted,
      changeStatus(janeDeleted, 'account_deactivated', jane.id),
      /deleted/,
    );
  });

  it('refuses to reactivate an active account', () => {
    expectRefused(
      base,
      changeStatus(base, 'account_reactivated', jane.id),
      'Jane Tino is already active.',
    );
  });

  it('refuses to delete an account twice', () => {
    expectRefused(
      janeDeleted,
      changeStatus(janeDeleted, 'account_deleted', jane.id),
      /already deleted/,
    );
  });

  it('refuses to change the roles of a deleted account', () => {
    expectRefused(
      janeDeleted,
      changeRoles(janeDeleted, jane.id, { tenantRole: 'user', permissions: [], teamRoles: {} }),
      /deleted/,
    );
  });

  it.each([
    ['an active', base],
    ['a deactivated', janeDeactivated],
  ] as const)('refuses to re-invite %s account', (_, tenant) => {
    const event = reinviteAccount(tenant, jane.id);
    expectRefused(tenant, event, /only a deleted person is re-invited/);
    expect(refusalRuleOf(tenant, event)).toBe(EVENT_RULES.lifecycle.id);
  });

  it('refuses to re-invite a person who already has a live account again', () => {
    const reinvited = mustApply(janeDeleted, reinviteAccount(janeDeleted, jane.id));
    const event = reinviteAccount(reinvited, jane.id);
    expectRefused(reinvited, event, /already has an account that is not deleted/);
    expect(refusalRuleOf(reinvited, event)).toBe(EVENT_RULES.uniqueEmail.id);
  });

  it('accepts deactivating a deleted person’s new account, but not the old one', () => {
    const reinvited = mustApply(janeDeleted, reinviteAccount(janeDeleted, jane.id));
    const newJane = [...reinvited.accounts.values()].at(-1);
    if (newJane === undefined) throw new Error('no new account');
    expect(apply(reinvited, changeStatus(reinvited, 'account_deactivated', newJane.id)).ok).toBe(
      true,
    );
    expectRefused(reinvited, changeStatus(reinvited, 'account_deactivated', jane.id));
  });
});

describe('apply refuses what the rules forbid', () => {
  it('refuses a viewer creating a team key, with the creation rule’s reason', () => {
    const event = createKey(base, {
      name: 'Vera team',
      scope: 'team',
      createdBy: vera.id,
      teamRoles: { team_automation: 'viewer' },
    });
    expectRefused(
      base,
      event,
      'Team keys need the Tenant owner role or Team admin on at least one team.',
    );
    expect(refusalRuleOf(base, event)).toBe(CREATION_RULES.teamScopeAdmin.id);
  });

  it('refuses a deactivated account creating a key', () => {
    expectRefused(
      janeDeactivated,
      createKey(janeDeactivated, { name: 'p', scope: 'personal', createdBy: jane.id }),
      'Only active accounts create keys; Jane Tino is deactivated.',
    );
  });

  it.each([
    ['the same email', 'jane.tino@tinocorp.example'],
    ['the same email in other letter case', 'Jane.Tino@TinoCorp.example'],
    ['the same email with spaces around it', '  jane.tino@tinocorp.example '],
  ])('refuses inviting %s that a live account holds', (_, email) => {
    const event = inviteAccount(base, {
      email,
      name: 'Another Jane',
      tenantRole: 'user',
      permissions: [],
      teamRoles: {},
    });
    // The refusal names the address as it is stored: trimmed and lower-cased.
    expectRefused(base, event, `${email.trim().toLowerCase()} already belongs to Jane Tino.`);
    expect(refusalRuleOf(base, event)).toBe(EVENT_RULES.uniqueEmail.id);
  });

  it('accepts inviting the email of a deleted account, as a new account', () => {
    const event = inviteAccount(janeDeleted, {
      email: jane.email,
      name: 'Jane Tino',
      tenantRole: 'user',
      permissions: [],
      teamRoles: {},
    });
    const tenant = mustApply(janeDeleted, event);
    expect(tenant.accounts.get(event.accountId)?.status).toBe('active');
    expect(tenant.accounts.get(jane.id)?.status).toBe('deleted');
  });

  it('refuses deleting a key twice', () => {
    const key = keyNamed('Jane team');
    const once = mustApply(base, deleteKey(base, key.id));
    const event = deleteKey(once, key.id);
    expectRefused(once, event, 'Jane team is already deleted.');
    expect(refusalRuleOf(once, event)).toBe(EVENT_RULES.keyLifecycle.id);
  });

  it('refuses another account deleting someone’s personal key', () => {
    const key = keyNamed('Jane personal');
    expectRefused(
      base,
      deleteKey(base, key.id, { kind: 'account', accountId: sam.id }),
      'Only its creator deletes a personal key.',
    );
    expect(apply(base, deleteKey(base, key.id, { kind: 'account', accountId: jane.id })).ok).toBe(
      true,
    );
  });

  it('refuses a setting change that changes nothing', () => {
    expectRefused(base, setRestrictApiKeyCreation(base, false), /already unrestricted/);
  });

  it('refuses a team key that covers no team, and team roles on other scopes', () => {
    expectRefused(
      base,
      createKey(base, { name: 't', scope: 'team', createdBy: jane.id }),
      /at least one team/,
    );
    expectRefused(
      base,
      createKey(base, {
        name: 'p',
        scope: 'personal',
        createdBy: jane.id,
        teamRoles: { team_automation: 'viewer' },
      }),
      'Only team keys cover teams.',
    );
    expectRefused(
      base,
      createKey(base, {
        name: 'p',
        scope: 'tenant_owner',
        createdBy: jane.id,
        permissions: ['AUDIT_LOG_READ'],
      }),
      'Only service keys hold tenant permissions.',
    );
  });
});

describe('apply refuses events that name what does not exist or is taken', () => {
  it.each([
    ['deactivating', changeStatus(base, 'account_deactivated', 'usr_9999')],
    ['reactivating', changeStatus(base, 'account_reactivated', 'usr_9999')],
    ['deleting', changeStatus(base, 'account_deleted', 'usr_9999')],
    ['re-inviting', reinviteAccount(base, 'usr_9999')],
    [
      'changing the roles of',
      changeRoles(base, 'usr_9999', { tenantRole: 'user', permissions: [], teamRoles: {} }),
    ],
    [
      'creating a key for',
      createKey(base, { name: 'k', scope: 'personal', createdBy: 'usr_9999' }),
    ],
  ] as const)('refuses %s an unknown account id', (_, event) => {
    expectRefused(base, event, 'There is no account "usr_9999".');
  });

  it('refuses deleting an unknown key id', () => {
    expectRefused(base, deleteKey(base, 'key_9999'), 'There is no key "key_9999".');
  });

  it('refuses an actor that is an unknown account or key', () => {
    expectRefused(
      base,
      changeStatus(base, 'account_deactivated', jane.id, {
        kind: 'account',
        accountId: 'usr_9999',
      }),
    );
    expectRefused(
      base,
      changeStatus(base, 'account_deactivated', jane.id, { kind: 'key', keyId: 'key_9999' }),
    );
  });

  it.each([
    ['an account id already used by an account', () => jane.id],
    ['an account id already used by a key', () => keyNamed('Jane team').id],
    ['an account id already used by a team', () => 'team_automation'],
  ])('refuses an invitation with %s', (_, id) => {
    const event = {
      ...inviteAccount(base, {
        email: 'new@people.example',
        name: 'New',
        tenantRole: 'user',
        permissions: [],
        teamRoles: {},
      }),
      accountId: id(),
    };
    expectRefused(base, event, /already in use/);
  });

  it('refuses a re-invitation with an account id already in use', () => {
    const event = { ...reinviteAccount(janeDeleted, jane.id), accountId: sam.id };
    expectRefused(janeDeleted, event, /already in use/);
  });

  it('refuses a key id or a secret already in use', () => {
    const template = createKey(base, { name: 'k', scope: 'personal', createdBy: jane.id });
    expectRefused(base, { ...template, keyId: keyNamed('Sam team').id }, /already in use/);
    expectRefused(base, { ...template, keyId: jane.id }, /already in use/);
    expectRefused(
      base,
      { ...template, secret: keyNamed('Sam team').secret },
      /secret is already in use/,
    );
  });
});

describe('apply refuses time going backwards', () => {
  it('refuses an event stamped before the tenant’s clock', () => {
    const event = { ...changeStatus(base, 'account_deactivated', jane.id), at: base.clock - 1 };
    expectRefused(base, event, 'at must not go back in time.');
  });

  it('accepts an event stamped at the tenant’s clock', () => {
    const event = { ...changeStatus(base, 'account_deactivated', jane.id), at: base.clock };
    expect(apply(base, event).ok).toBe(true);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, '1767604440000', null])(
    'refuses a time of %s',
    (at) => {
      expectRefused(
        base,
        raw({ ...changeStatus(base, 'account_deactivated', jane.id), at }),
        /at must be a finite number/,
      );
    },
  );
});

describe('apply refuses malformed events', () => {
  const good = changeStatus(base, 'account_deactivated', jane.id);
  const invite = inviteAccount(base, {
    email: 'new@people.example',
    name: 'New Person',
    tenantRole: 'user',
    permissions: [],
    teamRoles: {},
  });
  const sparse: unknown[] = [];
  sparse.length = 1;

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'account_deleted'],
    ['an array', [good]],
    ['an empty object', {}],
    ['an unknown type', { ...good, type: 'account_exploded' }],
    ['a missing type', { at: good.at, actor: good.actor, accountId: jane.id }],
    ['no actor', { ...good, actor: undefined }],
    ['an actor of unknown kind', { ...good, actor: { kind: 'robot' } }],
    ['an actor that is a string', { ...good, actor: 'console' }],
    ['an account id that is a number', { ...good, accountId: 7 }],
    ['an account id that is an object', { ...good, accountId: { id: jane.id } }],
    ['an empty email', { ...invite, email: '' }],
    ['an email without an at sign', { ...invite, email: 'new.people.example' }],
    ['a name that is blank', { ...invite, name: '   ' }],
    ['a name that is too long', { ...invite, name: 'x'.repeat(201) }],
    ['an unknown tenant role', { ...invite, tenantRole: 'admin' }],
    ['permissions that are not a list', { ...invite, permissions: 'API_KEY_CREATE' }],
    ['an unknown permission', { ...invite, permissions: ['ROOT'] }],
    ['a permission listed twice', { ...invite, permissions: ['AUDIT_LOG_READ', 'AUDIT_LOG_READ'] }],
    ['a permission list with a hole', { ...invite, permissions: sparse }],
    ['team roles that are a list', { ...invite, teamRoles: ['team_automation'] }],
    ['team roles that are null', { ...invite, teamRoles: null }],
    ['an unknown team', { ...invite, teamRoles: { team_ghost: 'viewer' } }],
    ['an unknown team role', { ...invite, teamRoles: { team_automation: 'owner' } }],
    [
      'a "__proto__" key in team roles (from JSON)',
      { ...invite, teamRoles: JSON.parse('{"__proto__":"team_admin"}') },
    ],
    [
      'a "__proto__" key next to a real team',
      {
        ...invite,
        teamRoles: Object.fromEntries([
          ['team_automation', 'viewer'],
          ['__proto__', 'team_admin'],
        ]),
      },
    ],
    ['a "constructor" key in team roles', { ...invite, teamRoles: { constructor: 'viewer' } }],
    [
      'an unknown setting',
      { ...setRestrictApiKeyCreation(base, true), setting: 'allowEverything' },
    ],
    [
      'a setting value that is not a boolean',
      { ...setRestrictApiKeyCreation(base, true), value: 'yes' },
    ],
  ] as const)('refuses %s', (_, value) => {
    expectRefused(base, raw(value));
  });

  it('refuses events whose fields throw when read', () => {
    const hostile = new Proxy(
      { team_automation: 'viewer', kind: 'console', type: 'account_deleted' },
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    expectRefused(base, raw(hostile));
    expectRefused(base, raw({ ...good, actor: hostile }));
    expectRefused(base, raw({ ...invite, teamRoles: hostile }));
  });

  it('names a value that is not a text by its kind, rather than failing to convert it', () => {
    const bare = Object.create(null);
    expectRefused(base, raw({ ...good, type: bare }), 'Unknown event type "an object".');
    expectRefused(base, raw({ ...good, type: 42 }), 'Unknown event type "42".');
    expectRefused(
      base,
      raw({ ...deleteKey(base, 'x'), keyId: bare }),
      'There is no key "an object".',
    );
    expectRefused(base, raw({ ...deleteKey(base, 'x'), keyId: [1] }), 'There is no key "a list".');
  });

  it('refuses, without throwing, an event whose getter throws something hostile', () => {
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    const throwing = (thrown: unknown) =>
      new Proxy(
        { ...good },
        {
          get() {
            throw thrown;
          },
        },
      );
    for (const thrown of [revoked, Object.create(null), new Error('boom'), 'boom', undefined]) {
      expectRefused(base, raw(throwing(thrown)), /^Event could not be applied: /);
    }
    expectRefused(base, raw(revoked));
  });

  it('does not let a "__proto__" key reach an account’s team roles', () => {
    const teamRoles = JSON.parse('{"__proto__":{"team_automation":"team_admin"}}');
    const result = apply(base, raw({ ...invite, teamRoles }));
    expect(result.ok).toBe(false);
    expect(Object.prototype).not.toHaveProperty('team_automation');
  });
});

describe('apply refuses invisible direction controls in names (assumed)', () => {
  // A name holding U+202E shows the text after it reversed, in every line that quotes it.
  const rlo = (text: string) => `Quarterly \u202e${text} report`;
  const invite = inviteAccount(base, {
    email: 'new@people.example',
    name: 'New Person',
    tenantRole: 'user',
    permissions: [],
    teamRoles: {},
  });
  const key = createKey(base, { name: 'k', scope: 'personal', createdBy: jane.id });
  const story = createStory(base, { teamId: 'team_automation', name: 'Triage' });
  const reason = (field: string) =>
    `${field}: contains the invisible direction control U+202E; names may not reorder the text around them.`;

  it.each([
    ['a person’s name', { ...invite, name: rlo('LIAME_EKAF') }, 'name'],
    ['an email address', { ...invite, email: 'new\u202e@people.example' }, 'email'],
    ['a key’s name', { ...key, name: rlo('LIAME_EKAF') }, 'name'],
    ['a story’s name', { ...story, name: rlo('LIAME_EKAF') }, 'name'],
  ] as const)('refuses %s, naming the field and the character', (_label, event, field) => {
    expectRefused(base, raw(event), reason(field));
    expect(refusalRuleOf(base, raw(event))).toBe(EVENT_RULES.malformed.id);
  });

  it('names the isolate controls too, and accepts right-to-left letters and marks', () => {
    expectRefused(
      base,
      raw({ ...key, name: 'a\u2068b' }),
      'name: contains the invisible direction control U+2068; names may not reorder the text around them.',
    );
    expect(apply(base, raw({ ...key, name: 'מפתח \u200fkey' })).ok).toBe(true);
  });
});

describe('apply on accepted events', () => {
  const accepted: ReadonlyArray<readonly [string, TenantEvent]> = [
    [
      'an invitation',
      inviteAccount(base, {
        email: 'new@people.example',
        name: 'New',
        tenantRole: 'user',
        permissions: [],
        teamRoles: {},
      }),
    ],
    ['a deactivation', changeStatus(base, 'account_deactivated', jane.id)],
    ['a deletion', changeStatus(base, 'account_deleted', jane.id)],
    [
      'a role change',
      changeRoles(base, vera.id, {
        tenantRole: 'user',
        permissions: [],
        teamRoles: { team_secops: 'editor' },
      }),
    ],
    ['a key creation', createKey(base, { name: 'k', scope: 'tenant_owner', createdBy: jane.id })],
    ['a key deletion', deleteKey(base, keyNamed('Sam team').id)],
    ['a setting change', setRestrictApiKeyCreation(base, true)],
  ];

  it.each(accepted)('bumps the sequence and sets the clock for %s', (_, event) => {
    const result = apply(base, event);
    expect(result.ok).toBe(true);
    expect(result.tenant).not.toBe(base);
    expect(result.tenant.sequence).toBe(base.sequence + 1);
    expect(result.tenant.clock).toBe(event.at);
  });

  it('does not change the tenant it is given', () => {
    const tenant = startTenant(janeTinoStart);
    const accounts = tenant.accounts;
    const keys = tenant.keys;
    for (const [, event] of accepted) apply(tenant, event);
    expect(tenant.accounts).toBe(accounts);
    expect(tenant.keys).toBe(keys);
    expect(tenant).toStrictEqual(startTenant(janeTinoStart));
  });

  it('records the time a key is deleted', () => {
    const key = keyNamed('Sam team');
    const event = deleteKey(base, key.id);
    expect(mustApply(base, event).keys.get(key.id)?.revokedAt).toBe(event.at);
  });

  it('stores a new account with the invitation’s roles, active, invited at the event’s time', () => {
    const event = inviteAccount(base, {
      email: ' robin@people.example ',
      name: ' Robin Vale ',
      tenantRole: 'user',
      permissions: ['AUDIT_LOG_READ'],
      teamRoles: { team_secops: 'editor' },
    });
    expect(mustApply(base, event).accounts.get(event.accountId)).toEqual({
      id: event.accountId,
      email: 'robin@people.example',
      name: 'Robin Vale',
      tenantRole: 'user',
      permissions: ['AUDIT_LOG_READ'],
      teamRoles: { team_secops: 'editor' },
      status: 'active',
      invitedAt: event.at,
      updatedAt: event.at,
      reinvitedFrom: null,
    });
  });
});

describe('replay', () => {
  it('rebuilds the scenario from its log with nothing refused', () => {
    const { tenant, refused } = replay(janeTinoStart.genesis, janeTinoStart.events);
    expect(refused).toEqual([]);
    expect(tenant).toStrictEqual(base);
  });

  it('reports refused events by index and skips them', () => {
    const deactivate = changeStatus(base, 'account_deactivated', jane.id);
    const afterDeactivate = mustApply(base, deactivate);
    const again = changeStatus(afterDeactivate, 'account_deactivated', jane.id);
    const remove = changeStatus(afterDeactivate, 'account_deleted', jane.id);
    const log: TenantEvent[] = [...janeTinoStart.events, deactivate, again, raw(null), remove];
    const { tenant, refused } = replay(janeTinoStart.genesis, log);
    const n = janeTinoStart.events.length;
    expect(refused.map((r) => r.index)).toEqual([n + 1, n + 2]);
    expect(refused[0]?.refusal.reason).toBe('Jane Tino is already deactivated.');
    expect(refused[1]?.refusal.rule.id).toBe(EVENT_RULES.malformed.id);
    expect(tenant).toStrictEqual(mustApply(afterDeactivate, remove));
  });
});

describe('apply keeps actors and shapes honest', () => {
  it('refuses an account that is not active acting on someone else', () => {
    const samDeactivated = mustApply(base, changeStatus(base, 'account_deactivated', sam.id));
    const event = changeStatus(samDeactivated, 'account_deactivated', vera.id, {
      kind: 'account',
      accountId: sam.id,
    });
    expectRefused(samDeactivated, event, "Sam Patel's account is deactivated; it cannot act.");
    expect(refusalRuleOf(samDeactivated, event)).toBe(EVENT_RULES.actor.id);
  });

  it('refuses team roles given as a Map instead of a plain object', () => {
    const event = raw({
      ...inviteAccount(base, {
        email: 'map@tinocorp.example',
        name: 'Map',
        tenantRole: 'user',
        permissions: [],
        teamRoles: {},
      }),
      teamRoles: new Map([['team_automation', 'viewer']]),
    });
    expectRefused(base, event, 'teamRoles must map team ids to roles.');
  });

  it('stores invited emails lower-cased and trimmed', () => {
    const tenant = mustApply(
      base,
      inviteAccount(base, {
        email: '  New.Person@TinoCorp.example ',
        name: 'New Person',
        tenantRole: 'user',
        permissions: [],
        teamRoles: {},
      }),
    );
    expect([...tenant.accounts.values()].at(-1)?.email).toBe('new.person@tinocorp.example');
  });
});

describe('apply, for changes made through the simulated API', () => {
  it('accepts an accepted key as the actor, and refuses a key that is refused (401)', () => {
    const personal = keyNamed('Jane personal');
    const byKey = { kind: 'key', keyId: personal.id } as const;
    const first = apply(base, changeStatus(base, 'account_deactivated', vera.id, byKey));
    expect(first.ok).toBe(true);
    // Once Jane is deactivated her personal key is refused, so it cannot act either.
    const second = apply(
      janeDeactivated,
      changeStatus(janeDeactivated, 'account_deactivated', vera.id, byKey),
    );
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.refusal.rule).toBe(EVENT_RULES.actor);
    expect(second.refusal.reason).toContain('Owner deactivated');
    expect(second.tenant).toBe(janeDeactivated);
  });

  it('stores a story in an existing team, and refuses an unknown team, an empty name or a taken id', () => {
    const created = createStory(base, { teamId: 'team_automation', name: ' Triage ' });
    const made = apply(base, created);
    if (!made.ok) throw new Error(made.refusal.reason);
    const story = made.tenant.stories.get(created.storyId);
    expect(story).toMatchObject({ name: 'Triage', teamId: 'team_automation' });
    expect(apply(base, createStory(base, { teamId: 'team_ghost', name: 'x' })).ok).toBe(false);
    expect(apply(base, createStory(base, { teamId: 'team_automation', name: ' ' })).ok).toBe(false);
    const again = createStory(made.tenant, { teamId: 'team_automation', name: 'Again' });
    expect(apply(made.tenant, { ...again, storyId: story?.id ?? '' }).ok).toBe(false);
  });

  it('stamps an account’s updatedAt with the time of its last change', () => {
    const event = changeStatus(base, 'account_deactivated', vera.id);
    const after = mustApply(base, event);
    expect(after.accounts.get(vera.id)?.updatedAt).toBe(event.at);
    expect(after.accounts.get(jane.id)?.updatedAt).toBe(jane.updatedAt);
  });
});

describe('apply keeps logs canonical', () => {
  it('refuses an event with a field its type does not have, so a log reads back as written', () => {
    const event = { ...changeStatus(base, 'account_deactivated', vera.id), note: 'hello' };
    expectRefused(base, raw(event), 'account_deactivated events have no field "note".');
  });
});
