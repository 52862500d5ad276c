import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import '../../components/table-meta';
import { type AccountId, STATUS_LABELS } from '../../core/model';
import { useAccount } from '../../store/use-tenant';
import type { PersonRow } from '../people/people-rows';

export const pickerFeatures = tableFeatures({});

const helper = createColumnHelper<typeof pickerFeatures, PersonRow>();

/** The ids a checkbox's name is made of: the person's name, then their email (WCAG 2.5.3). */
export function pickerCellId(accountId: AccountId, part: 'name' | 'email'): string {
  return `offboarding-pick-${accountId}-${part}`;
}

/** Status changes while the view is open: the cell reads its account live (as People's does). */
function StatusCell({ accountId }: { accountId: AccountId }) {
  const status = useAccount(accountId)?.status;
  return status === undefined ? null : STATUS_LABELS[status];
}

/**
 * The picker's columns: a checkbox named "<name> <email>" (by the two cells beside it), the name
 * as the row's header, the email and the status. Built again when the selection changes, so the
 * rendered rows (a page's worth, once virtualised) draw their boxes afresh.
 */
export function getPickerColumns(
  selected: ReadonlySet<AccountId>,
  onToggle: (accountId: AccountId, on: boolean) => void,
) {
  return helper.columns([
    helper.display({
      id: 'pick',
      header: () => <span className="sr-only">Pick</span>,
      meta: { className: 'w-10' },
      cell: ({ row }) => {
        const { accountId } = row.original;
        return (
          <input
            type="checkbox"
            className="size-4"
            aria-labelledby={`${pickerCellId(accountId, 'name')} ${pickerCellId(accountId, 'email')}`}
            checked={selected.has(accountId)}
            onChange={(event) => onToggle(accountId, event.target.checked)}
          />
        );
      },
    }),
    helper.accessor('name', {
      id: 'name',
      header: 'Name',
      meta: { rowHeader: true },
      cell: ({ row, getValue }) => (
        <bdi id={pickerCellId(row.original.accountId, 'name')}>{getValue()}</bdi>
      ),
    }),
    helper.accessor('email', {
      id: 'email',
      header: 'Email',
      cell: ({ row, getValue }) => (
        <bdi id={pickerCellId(row.original.accountId, 'email')} className="break-all">
          {getValue()}
        </bdi>
      ),
    }),
    helper.display({
      id: 'status',
      header: 'Status',
      cell: ({ row }) => <StatusCell accountId={row.original.accountId} />,
    }),
  ]);
}
