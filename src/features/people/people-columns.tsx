import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import '../../components/table-meta';
import { STATUS_LABELS, TEAM_ROLE_LABELS, TENANT_ROLE_LABELS, type Team } from '../../core/model';
import type { PersonRow } from './people-rows';
import { PersonActions } from './person-actions';

export const peopleFeatures = tableFeatures({});

const helper = createColumnHelper<typeof peopleFeatures, PersonRow>();

const STATUS_STYLES = {
  active: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  deactivated: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  deleted: 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
} as const;

/** Team names are looked up at render time, so the columns take the tenant's teams. */
export function getPeopleColumns(teams: ReadonlyMap<string, Team>) {
  return helper.columns([
    helper.accessor((row) => row.account.name, {
      id: 'name',
      header: 'Name',
      meta: { rowHeader: true },
      cell: ({ row }) => {
        const { account, isHistory } = row.original;
        return (
          <span className={isHistory ? 'pl-4 text-slate-600 dark:text-slate-400' : 'font-medium'}>
            {isHistory ? (
              <>
                <span aria-hidden="true">↳ </span>
                {account.name} <span className="text-xs">(previous account {account.id})</span>
              </>
            ) : (
              account.name
            )}
          </span>
        );
      },
    }),
    helper.accessor((row) => row.account.email, {
      id: 'email',
      header: 'Email',
      cell: ({ getValue }) => {
        // Let a narrow column wrap an address before the @, not in the middle of a word.
        const [local, domain] = getValue().split('@');
        return (
          <span className="break-words">
            {local}
            <wbr />@{domain}
          </span>
        );
      },
    }),
    helper.accessor((row) => row.account.tenantRole, {
      id: 'tenantRole',
      header: 'Tenant role',
      cell: ({ row }) => {
        const { tenantRole, permissions } = row.original.account;
        return (
          <>
            {TENANT_ROLE_LABELS[tenantRole]}
            {permissions.length > 0 ? (
              <span className="block text-slate-600 text-xs dark:text-slate-400">
                {permissions.join(', ')}
              </span>
            ) : null}
          </>
        );
      },
    }),
    helper.display({
      id: 'teamRoles',
      header: 'Team roles',
      cell: ({ row }) => {
        const entries = Object.entries(row.original.account.teamRoles);
        if (entries.length === 0)
          return <span className="text-slate-600 dark:text-slate-400">None</span>;
        return (
          <ul>
            {entries.map(([teamId, role]) => (
              <li key={teamId}>
                {teams.get(teamId)?.name ?? teamId}: {TEAM_ROLE_LABELS[role]}
              </li>
            ))}
          </ul>
        );
      },
    }),
    helper.accessor((row) => row.account.status, {
      id: 'status',
      header: 'Status',
      cell: ({ getValue }) => {
        const status = getValue();
        return (
          <span className={`rounded px-1.5 py-0.5 font-medium text-xs ${STATUS_STYLES[status]}`}>
            {STATUS_LABELS[status]}
          </span>
        );
      },
    }),
    helper.display({
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) => <PersonActions row={row.original} />,
    }),
  ]);
}
