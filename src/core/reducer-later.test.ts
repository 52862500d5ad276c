// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { TenantEvent, TenantEventType } from './events';
import type { Tenant } from './model';

/** Every event type (the compiler insists on each). */
const EVERY_TYPE: Readonly<Record<TenantEventType, true>> = {
  account_invited: true,
  account_deactivated: true,
  account_reactivated: true,
  account_deleted: true,
  account_reinvited: true,
  account_roles_changed: true,
  key_created: true,
  key_deleted: true,
  setting_changed: true,
  story_created: true,
  credential_created: true,
  credential_rotated: true,
  credential_sharing_changed: true,
  credential_deleted: true,
  action_added: true,
  action_changed: true,
  story_run_recorded: true,
};

/** The first paint's part of the core, loaded afresh: the reducer and the scenario it builds. */
async function firstPaint() {
  vi.resetModules();
  const { apply } = await import('./reducer');
  const { janeTinoScenario } = await import('./scenarios/jane-tino');
  const { createTenant } = await import('./model');
  let tenant = createTenant(janeTinoScenario.genesis);
  for (const event of janeTinoScenario.events) {
    const result = apply(tenant, event);
    if (!result.ok) throw new Error(result.refusal.reason);
    tenant = result.tenant;
  }
  return { apply, tenant };
}

function keyDeleted(tenant: Tenant): TenantEvent {
  const keyId = [...tenant.keys.keys()][0] ?? '';
  return { type: 'key_deleted', at: tenant.clock + 60_000, actor: { kind: 'console' }, keyId };
}

describe('the reducer’s part for the events only later views make', () => {
  it('is not loaded with the first paint’s reducer and scenario', async () => {
    const { apply, tenant } = await firstPaint();
    const result = apply(tenant, keyDeleted(tenant));
    expect(result.ok ? null : result.refusal.reason).toBe('Unknown event type "key_deleted".');
  });

  it('loads with the commands that make those events', async () => {
    const { apply, tenant } = await firstPaint();
    const { deleteKey } = await import('./commands');
    const keyId = [...tenant.keys.keys()][0] ?? '';
    expect(apply(tenant, deleteKey(tenant, keyId)).ok).toBe(true);
  });

  it('loads with apply.ts, through which later views and readers of a log apply events', async () => {
    const { tenant } = await firstPaint();
    const { apply } = await import('./apply');
    expect(apply(tenant, keyDeleted(tenant)).ok).toBe(true);
  });

  it.each(Object.keys(EVERY_TYPE))('leaves the reducer knowing %s', async (type) => {
    const { tenant } = await firstPaint();
    const { apply } = await import('./apply');
    const event = { type, at: tenant.clock + 60_000, actor: { kind: 'console' } };
    const result = apply(tenant, event as TenantEvent);
    expect(result.ok ? '' : result.refusal.reason).not.toMatch(/^Unknown event type/);
  });
});
