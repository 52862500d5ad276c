import { type FormEvent, useId, useMemo, useState } from 'react';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { changeRoles } from '../../core/commands';
import {
  type Account,
  TEAM_ROLE_LABELS,
  TEAM_ROLES,
  TENANT_PERMISSIONS,
  TENANT_ROLE_LABELS,
  TENANT_ROLES,
  type TeamRole,
  type TenantPermission,
  type TenantRole,
} from '../../core/model';
import { useTenantStore } from '../../store/tenant-store';
import { useTenant } from '../../store/use-tenant';

const selectClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

function sameRoles(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Change an account's tenant role, tenant permissions and team roles. A personal key acts with
 * its creator's current roles, so this is how a trainer shows a demotion turning calls into 403.
 */
export function RolesDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const { teams } = useTenant();
  const dispatch = useTenantStore((s) => s.dispatch);
  const [tenantRole, setTenantRole] = useState<TenantRole>(account.tenantRole);
  const [permissions, setPermissions] = useState<ReadonlySet<TenantPermission>>(
    () => new Set(account.permissions),
  );
  const [teamRoles, setTeamRoles] = useState<Readonly<Record<string, TeamRole>>>(account.teamRoles);
  const [error, setError] = useState<string | null>(null);
  const ids = { role: useId(), error: useId() };
  const teamList = useMemo(() => [...teams.values()], [teams]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = TENANT_PERMISSIONS.filter((permission) => permissions.has(permission));
    const unchanged =
      tenantRole === account.tenantRole &&
      chosen.length === account.permissions.length &&
      chosen.every((permission) => account.permissions.includes(permission)) &&
      sameRoles(teamRoles, account.teamRoles);
    if (unchanged) return onClose();
    const result = dispatch((tenant) =>
      changeRoles(tenant, account.id, { tenantRole, permissions: chosen, teamRoles }),
    );
    if (!result.ok) return setError(result.reason);
    onClose();
  };

  return (
    <Dialog title={`Edit roles for ${account.name}`} onClose={onClose}>
      <form onSubmit={submit} className="flex flex-col gap-4 text-sm">
        <label htmlFor={ids.role} className="flex flex-col gap-1">
          Tenant role
          <select
            id={ids.role}
            className={selectClass}
            value={tenantRole}
            onChange={(e) => setTenantRole(e.target.value as TenantRole)}
          >
            {TENANT_ROLES.map((role) => (
              <option key={role} value={role}>
                {TENANT_ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 font-medium">Tenant permissions</legend>
          {TENANT_PERMISSIONS.map((permission) => (
            <label key={permission} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={permissions.has(permission)}
                onChange={(e) => {
                  const next = new Set(permissions);
                  if (e.target.checked) next.add(permission);
                  else next.delete(permission);
                  setPermissions(next);
                }}
              />
              <code>{permission}</code>
            </label>
          ))}
        </fieldset>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-medium">Team roles</legend>
          {teamList.map((team) => (
            <label key={team.id} className="flex items-center justify-between gap-3">
              {team.name}
              <select
                className={selectClass}
                value={teamRoles[team.id] ?? ''}
                onChange={(e) => {
                  const { [team.id]: _previous, ...others } = teamRoles;
                  const value = e.target.value as TeamRole | '';
                  setTeamRoles(value === '' ? others : { ...others, [team.id]: value });
                }}
              >
                <option value="">None</option>
                {TEAM_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {TEAM_ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
        {error === null ? null : (
          <p
            id={ids.error}
            role="alert"
            className="rounded bg-red-50 px-2 py-1 text-red-900 dark:bg-red-950 dark:text-red-200"
          >
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
