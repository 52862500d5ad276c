import { Button } from './button';

/**
 * Long work, visibly: a `progressbar` named for what runs, its stage in words beside it, and
 * _Cancel_. Native `<progress>` carries the role; the label names it. `aria-valuenow` and
 * `aria-valuemax` are written out too, so that a test (or a tool) reading attributes sees them.
 * Without a `max` (a stage with no count) the bar is indeterminate.
 */
export function ProgressBar({
  label,
  value,
  max,
  stage,
  onCancel,
}: {
  /** What runs ("Running stories"): the bar's accessible name. */
  readonly label: string;
  readonly value: number;
  /** 0: no count is known (the bar moves without a value). */
  readonly max: number;
  /** Where it is, in words ("Story 3 of 6: Audit export"). */
  readonly stage: string;
  readonly onCancel: () => void;
}) {
  const known = max > 0;
  return (
    <div className="flex flex-wrap items-center gap-3 text-slate-700 text-sm dark:text-slate-300">
      <progress
        aria-label={label}
        {...(known ? { value, max, 'aria-valuenow': value, 'aria-valuemax': max } : {})}
        className="h-2 w-48 accent-sky-700 dark:accent-sky-400"
      />
      <span aria-live="polite">{stage}</span>
      <Button size="sm" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
