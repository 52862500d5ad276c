import { useTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { matchesQuery, SearchBox } from '../../components/search-box';
import { useTenant } from '../../store/use-tenant';
import { getPeopleColumns, peopleFeatures } from './people-columns';
import { type PersonRow, peopleRows } from './people-rows';

const rowProps = (row: PersonRow) => ({
  'data-account-id': row.accountId,
  className: `border-slate-100 border-b align-top last:border-0 dark:border-slate-800 ${
    row.isHistory ? 'bg-slate-50 dark:bg-slate-950' : ''
  }`,
});

const getRowId = (row: PersonRow) => row.accountId;

export function PeopleTable() {
  const tenant = useTenant();
  const [query, setQuery] = useState('');
  const all = useMemo(() => peopleRows(tenant), [tenant]);
  const data = useMemo(
    () =>
      query.trim() === '' ? all : all.filter((row) => matchesQuery(query, row.name, row.email)),
    [all, query],
  );
  const columns = useMemo(() => getPeopleColumns(tenant.teams), [tenant.teams]);
  const table = useTable({ features: peopleFeatures, columns, data, getRowId });
  return (
    <div className="flex flex-col gap-2">
      <SearchBox
        label="Find a person"
        value={query}
        onChange={setQuery}
        placeholder="Name or email"
        shown={data.length}
        total={all.length}
        noun="accounts"
      />
      <DataTable
        table={table}
        label="People"
        empty={all.length === 0 ? 'No people in this tenant.' : 'No person matches.'}
        rowProps={rowProps}
      />
    </div>
  );
}
