import { useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../components/data-table';
import { useTenant } from '../../store/use-tenant';
import { getPeopleColumns, peopleFeatures } from './people-columns';
import { type PersonRow, peopleRows } from './people-rows';

const rowProps = (row: PersonRow) => ({
  'data-account-id': row.account.id,
  className: `border-slate-100 border-b align-top last:border-0 dark:border-slate-800 ${
    row.isHistory ? 'bg-slate-50 dark:bg-slate-950' : ''
  }`,
});

export function PeopleTable() {
  const tenant = useTenant();
  const data = useMemo(() => peopleRows(tenant), [tenant]);
  const columns = useMemo(() => getPeopleColumns(tenant.teams), [tenant.teams]);
  const table = useTable({
    features: peopleFeatures,
    columns,
    data,
    getRowId: (row) => row.account.id,
  });
  return (
    <DataTable table={table} label="People" empty="No people in this tenant." rowProps={rowProps} />
  );
}
