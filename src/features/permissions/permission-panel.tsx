import { Suspense, useId, useMemo, useState } from 'react';
import { LabelledSelect } from '../../components/form-parts';
import { Section } from '../../components/section';
import { virtualKey } from '../../components/use-virtual-rows';
import type { TeamId } from '../../core/model';
import { useTenant } from '../../store/use-tenant';
import { PermissionMatrix } from './permission-matrix';

/**
 * The permission matrix: what each key may do (200), may not (403), or cannot even try (401).
 * Below the fold, so the app loads it as its own chunk.
 */
export function PermissionPanel() {
  const tenant = useTenant();
  const teams = useMemo(() => [...tenant.teams.values()], [tenant.teams]);
  const [chosenTeam, setChosenTeam] = useState<TeamId | null>(null);
  // A scenario switch may remove the chosen team: fall back to the first one.
  const teamId =
    chosenTeam !== null && tenant.teams.has(chosenTeam) ? chosenTeam : (teams[0]?.id ?? '');
  const teamLabels = useMemo(
    () => Object.fromEntries(teams.map((team) => [team.id, team.name])),
    [teams],
  );
  const helpId = useId();
  return (
    <Section id="permissions-heading" title="Permission matrix">
      <p id={helpId} className="text-slate-600 text-sm dark:text-slate-400">
        Each row is a key; each column is a request made with it: 200 allowed, 403 accepted but not
        allowed, 401 the key itself is not accepted. Team endpoints use the team chosen below; user
        endpoints use the key’s creator as <code>{'{id}'}</code>, since authorization does not
        depend on the target user. Focus or click a cell to see why; arrow keys move between cells.
      </p>
      {teams.length === 0 ? null : (
        <div className="text-sm">
          <LabelledSelect
            label="Team"
            value={teamId}
            options={teams.map((team) => team.id)}
            labels={teamLabels}
            onChange={setChosenTeam}
          />
        </div>
      )}
      <Suspense fallback={<p role="status">Loading the permission matrix…</p>}>
        <PermissionMatrix
          key={virtualKey(tenant.keys.size)}
          tenant={tenant}
          teamId={teamId}
          describedBy={helpId}
        />
      </Suspense>
    </Section>
  );
}
