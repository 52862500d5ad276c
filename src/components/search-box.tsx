import { useId } from 'react';

/**
 * A labelled search field with its "Showing N of M" line; filtering happens as the user types,
 * and the count is announced politely.
 */
export function SearchBox({
  label,
  value,
  onChange,
  placeholder,
  shown,
  total,
  noun,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  shown: number;
  total: number;
  /** What is counted, plural: "accounts", "keys". */
  noun: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <label htmlFor={id} className="flex items-center gap-2 text-sm">
        {label}
        <input
          id={id}
          type="search"
          value={value}
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value)}
          className="w-48 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
        />
      </label>
      <p className="text-slate-600 text-xs dark:text-slate-400" aria-live="polite">
        Showing {formatCount(shown)} of {formatCount(total)} {noun}
      </p>
    </div>
  );
}

/** Case-insensitive "contains" over a few fields. */
export function matchesQuery(query: string, ...fields: readonly string[]): boolean {
  const needle = query.trim().toLowerCase();
  return needle === '' || fields.some((field) => field.toLowerCase().includes(needle));
}

const COUNT = new Intl.NumberFormat('en-US');

/** "10,100": counts read the same on every machine, whatever its locale. */
export function formatCount(count: number): string {
  return COUNT.format(count);
}
