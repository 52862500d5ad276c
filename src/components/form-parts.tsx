import { useId } from 'react';
import { TENANT_PERMISSIONS, type TenantPermission } from '../core/model';

/** Shared pieces of the console's forms (Create key, Edit roles). */

export const inputClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

/** The set with `item` added (`on`) or removed. */
export function toggled<T>(set: ReadonlySet<T>, item: T, on: boolean): ReadonlySet<T> {
  const next = new Set(set);
  if (on) next.add(item);
  else next.delete(item);
  return next;
}

/** One checkbox per tenant permission, in a fieldset with this legend. */
export function PermissionCheckboxes({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: ReadonlySet<TenantPermission>;
  onChange: (next: ReadonlySet<TenantPermission>) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 font-medium">{legend}</legend>
      {TENANT_PERMISSIONS.map((permission) => (
        <label key={permission} className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={value.has(permission)}
            onChange={(e) => onChange(toggled(value, permission, e.target.checked))}
          />
          <code>{permission}</code>
        </label>
      ))}
    </fieldset>
  );
}

/** A form's refusal or validation message, announced when it appears. */
export function FormError({ id, message }: { id?: string; message: string | null }) {
  if (message === null) return null;
  return (
    <p
      id={id}
      role="alert"
      className="rounded bg-red-50 px-2 py-1 text-red-900 dark:bg-red-950 dark:text-red-200"
    >
      {message}
    </p>
  );
}

/** A labelled select over a fixed list of values, each shown by its label. */
export function LabelledSelect<T extends string>({
  label,
  value,
  options,
  labels,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <label htmlFor={id} className="flex flex-col gap-1">
      {label}
      <select
        id={id}
        className={inputClass}
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
