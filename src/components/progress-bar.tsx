import { Button } from './button';

/**
 * Long work, visibly: a `progressbar` named for what runs, its stage in words beside it, and
 * _Cancel_. Native `<progress>` carries the role, the value and the maximum; the label names it.
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
  readonly max: number;
  /** Where it is, in words ("Story 3 of 6: Audit export"). */
  readonly stage: string;
  readonly onCancel: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-slate-700 text-sm dark:text-slate-300">
      <progress
        aria-label={label}
        value={value}
        max={max}
        className="h-2 w-48 accent-sky-700 dark:accent-sky-400"
      />
      <span aria-live="polite">{stage}</span>
      <Button size="sm" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
