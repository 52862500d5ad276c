import type { Verdict } from '../core/key-verdict';
import { verdictText } from '../core/key-verdict';

/** A verdict as text with an icon; colour only reinforces what the text already says. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const ok = verdict.status === 200;
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 font-medium text-xs ${
        ok
          ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200'
          : 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200'
      }`}
    >
      <span aria-hidden="true">{ok ? '✓' : '✕'}</span>
      {verdictText(verdict)}
    </span>
  );
}
