import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import '../../components/table-meta';
import {
  type AccountId,
  STATUS_LABELS,
  TEAM_ROLE_LABELS,
  TENANT_ROLE_LABELS,
  type Team,
} from '../../core/model';
import { useAccount } from '../../store/use-tenant';
import type { PersonRow } from './people-rows';
import { PersonActions } from './person-actions';

export const peopleFeatures = tableFeatures({});

const helper = createColumnHelper<typeof peopleFeatures, PersonRow>();

const STATUS_STYLES = {
  active: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  deactivated: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  deleted: 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
} as const;

// Status and roles change; these cells read their account live (see people-rows.ts).

function TenantRoleCell({ accountId }: { accountId: AccountId }) {
  const account = useAccount(accountId);
  if (account === undefined) return null;
  return (
    <>
      {TENANT_ROLE_LABELS[account.tenantRole]}
      {account.permissions.length > 0 ? (
        // A permission name is one long word: let a narrow column break it.
        <span className="block text-slate-600 text-xs wrap-anywhere dark:text-slate-400">
          {account.permissions.join(', ')}
        </span>
      ) : null}
    </>
  );
}

function TeamRolesCell({
  accountId,
  teams,
}: {
  accountId: AccountId;
  teams: ReadonlyMap<string, Team>;
}) {
  const account = useAccount(accountId);
  const entries = Object.entries(account?.teamRoles ?? {});
  if (entries.length === 0) return <span className="text-slate-600 dark:text-slate-400">None</span>;
  return (
    <ul>
      {entries.map(([teamId, role]) => (
        <li key={teamId}>
          <bdi>{teams.get(teamId)?.name ?? teamId}</bdi>: {TEAM_ROLE_LABELS[role]}
        </li>
      ))}
    </ul>
  );
}

function StatusCell({ accountId }: { accountId: AccountId }) {
  const status = useAccount(accountId)?.status;
  if (status === undefined) return null;
  return (
    <span className={`rounded px-1.5 py-0.5 font-medium text-xs ${STATUS_STYLES[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}

/**
 * Team names are looked up at render time, so the columns take the tenant's teams. Names and
 * emails are shown in <bdi>, so that one written right to left cannot reorder the text around it.
 */
export function getPeopleColumns(teams: ReadonlyMap<string, Team>) {
  return helper.columns([
    helper.accessor('name', {
      id: 'name',
      header: 'Name',
      meta: { rowHeader: true },
      cell: ({ row }) => {
        const { accountId, name, isHistory } = row.original;
        return isHistory ? (
          <span className="pl-4 text-slate-600 dark:text-slate-400">
            <span aria-hidden="true">↳ </span>
            <bdi>{name}</bdi> <span className="text-xs">(previous account {accountId})</span>
          </span>
        ) : (
          <bdi className="font-medium">{name}</bdi>
        );
      },
    }),
    helper.accessor('email', {
      id: 'email',
      header: 'Email',
      cell: ({ getValue }) => {
        // Let a narrow column wrap an address before the @, not in the middle of a word.
        const [local, domain] = getValue().split('@');
        return (
          <bdi className="break-words">
            {local}
            <wbr />@{domain}
          </bdi>
        );
      },
    }),
    helper.display({
      id: 'tenantRole',
      header: 'Tenant role',
      cell: ({ row }) => <TenantRoleCell accountId={row.original.accountId} />,
    }),
    helper.display({
      id: 'teamRoles',
      header: 'Team roles',
      cell: ({ row }) => <TeamRolesCell accountId={row.original.accountId} teams={teams} />,
    }),
    helper.display({
      id: 'status',
      header: 'Status',
      cell: ({ row }) => <StatusCell accountId={row.original.accountId} />,
    }),
    helper.display({
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) => <PersonActions row={row.original} />,
    }),
  ]);
}
