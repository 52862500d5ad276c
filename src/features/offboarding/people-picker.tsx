import { useTable } from '@tanstack/react-table';
import { useCallback, useId, useMemo, useState } from 'react';
import { Button } from '../../components/button';
import { DataTable } from '../../components/data-table';
import { inputClass } from '../../components/form-parts';
import { formatCount, matchesQuery, SearchBox } from '../../components/search-box';
import type { AccountId } from '../../core/model';
import { useTenant } from '../../store/use-tenant';
import { type PersonRow, peopleRows } from '../people/people-rows';
import { pastedMessage, readPastedEmails } from './paste-emails';
import { getPickerColumns, pickerFeatures } from './picker-columns';

const getRowId = (row: PersonRow) => row.accountId;
const rowProps = (row: PersonRow) => ({ 'data-account-id': row.accountId });

/** Each person's current account: a re-invited person's older, deleted accounts are history. */
const currentCache = new WeakMap<readonly PersonRow[], PersonRow[]>();
function currentAccounts(rows: readonly PersonRow[]): PersonRow[] {
  let current = currentCache.get(rows);
  if (current === undefined) {
    current = rows.filter((row) => !row.isHistory);
    currentCache.set(rows, current);
  }
  return current;
}

export type SelectionUpdate = (
  next: (ids: ReadonlySet<AccountId>) => ReadonlySet<AccountId>,
) => void;

/**
 * Pick who leaves: search by name or email, tick people in a table that is virtualised past 200
 * rows (10,000 people in `large` render a page's worth of checkboxes), or paste a list of emails.
 */
export function PeoplePicker({
  selected,
  update,
}: {
  selected: ReadonlySet<AccountId>;
  update: SelectionUpdate;
}) {
  const tenant = useTenant();
  const [query, setQuery] = useState('');
  const [selectedOnly, setSelectedOnly] = useState(false);
  const all = currentAccounts(peopleRows(tenant));
  const data = useMemo(
    () =>
      all.filter(
        (row) =>
          (!selectedOnly || selected.has(row.accountId)) &&
          matchesQuery(query, row.name, row.email),
      ),
    [all, query, selectedOnly, selected],
  );
  const onToggle = useCallback(
    (accountId: AccountId, on: boolean) =>
      update((ids) => {
        const next = new Set(ids);
        if (on) next.add(accountId);
        else next.delete(accountId);
        return next;
      }),
    [update],
  );
  const columns = useMemo(() => getPickerColumns(selected, onToggle), [selected, onToggle]);
  const table = useTable({ features: pickerFeatures, columns, data, getRowId });
  const selectedOnlyId = useId();

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <SearchBox
          label="Find people"
          value={query}
          onChange={setQuery}
          placeholder="Name or email"
          shown={data.length}
          total={all.length}
          noun="accounts"
        />
        <label htmlFor={selectedOnlyId} className="flex items-center gap-2 text-sm">
          <input
            id={selectedOnlyId}
            type="checkbox"
            className="size-4"
            checked={selectedOnly}
            onChange={(event) => setSelectedOnly(event.target.checked)}
          />
          Show selected only
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <p
          className="font-medium text-sm"
          aria-live="polite"
          data-testid="offboarding-selected-count"
        >
          {formatCount(selected.size)} selected
        </p>
        <Button
          size="sm"
          disabled={data.length === 0}
          onClick={() => update((ids) => new Set([...ids, ...data.map((row) => row.accountId)]))}
        >
          Select all shown
        </Button>
        <Button size="sm" disabled={selected.size === 0} onClick={() => update(() => new Set())}>
          Clear selection
        </Button>
      </div>
      <DataTable
        table={table}
        label="People to offboard"
        empty={all.length === 0 ? 'No people in this tenant.' : 'No person matches.'}
        rowProps={rowProps}
        rowHeight={40}
      />
      <PasteEmails update={update} />
    </div>
  );
}

/**
 * A textarea for a list of emails. The text stays in the box after a paste, so a list with a typo
 * can be corrected and pasted again; the message names every email it could not use.
 */
function PasteEmails({ update }: { update: SelectionUpdate }) {
  const tenant = useTenant();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<readonly string[]>([]);
  const id = useId();
  const select = () => {
    const result = readPastedEmails(tenant, text);
    update((ids) => new Set([...ids, ...result.found]));
    setMessage(pastedMessage(result));
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium text-sm">
        Paste emails
      </label>
      <p id={`${id}-hint`} className="text-slate-600 text-xs dark:text-slate-400">
        One per line, or separated by commas or semicolons; “Name &lt;email&gt;” works too.
      </p>
      <textarea
        id={id}
        aria-describedby={`${id}-hint`}
        rows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
        className={`${inputClass} max-w-xl font-mono`}
      />
      <div>
        <Button size="sm" onClick={select}>
          Select pasted emails
        </Button>
      </div>
      <div role="status" className="text-sm">
        {message.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </div>
  );
}
