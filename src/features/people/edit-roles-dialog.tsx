import { type FormEvent, useMemo, useState } from 'react';
import { dispatchAsking } from '../../app/ask-store';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import {
  FormError,
  inputClass,
  LabelledSelect,
  PermissionCheckboxes,
} from '../../components/form-parts';
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
import { selectTenant, useTenantStore } from '../../store/tenant-store';

function sameRoles(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Change an account's tenant role, tenant permissions and team roles. A personal key acts with
 * its creator's current roles, so this is how a trainer shows a demotion turning calls into 403.
 */
export function EditRolesDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  // Only the teams (one Map for the whole scenario): events on other accounts leave the form alone.
  const teams = useTenantStore((s) => selectTenant(s).teams);
  const [tenantRole, setTenantRole] = useState<TenantRole>(account.tenantRole);
  const [permissions, setPermissions] = useState<ReadonlySet<TenantPermission>>(
    () => new Set(account.permissions),
  );
  const [teamRoles, setTeamRoles] = useState<Readonly<Record<string, TeamRole>>>(account.teamRoles);
  const [error, setError] = useState<string | null>(null);
  const teamList = useMemo(() => [...teams.values()], [teams]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = TENANT_PERMISSIONS.filter((permission) => permissions.has(permission));
    const unchanged =
      tenantRole === account.tenantRole &&
      chosen.length === account.permissions.length &&
      chosen.every((permission) => account.permissions.includes(permission)) &&
      sameRoles(teamRoles, account.teamRoles);
    if (unchanged) return onClose();
    const result = await dispatchAsking((tenant) =>
      changeRoles(tenant, account.id, { tenantRole, permissions: chosen, teamRoles }),
    );
    if (!result.ok) return setError(result.reason);
    onClose();
  };

  return (
    <Dialog
      title={
        <>
          Edit roles for <bdi>{account.name}</bdi>
        </>
      }
      onClose={onClose}
    >
      <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-4 text-sm">
        <LabelledSelect
          label="Tenant role"
          value={tenantRole}
          options={TENANT_ROLES}
          labels={TENANT_ROLE_LABELS}
          onChange={setTenantRole}
        />
        <PermissionCheckboxes
          legend="Tenant permissions"
          value={permissions}
          onChange={setPermissions}
        />
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-medium">Team roles</legend>
          {teamList.map((team) => (
            <label key={team.id} className="flex items-center justify-between gap-3">
              {team.name}
              <select
                className={inputClass}
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
        <FormError message={error} />
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
