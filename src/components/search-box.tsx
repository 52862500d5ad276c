import { useId } from 'react';

/** A labelled search field; filtering happens as the user types. */
export function SearchBox({
  label,
  value,
  onChange,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <label htmlFor={id} className="flex flex-col gap-1 text-sm">
      {label}
      <input
        id={id}
        type="search"
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        className="w-64 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
      />
    </label>
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
