import type { ReactNode } from 'react';

/**
 * A titled panel inside a view (the view has the level-2 heading, a panel the level-3 one). The
 * heading's id lets a table inside say which panel it belongs to.
 */
export function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={id} className="font-semibold text-base">
          {title}
        </h3>
        {actions}
      </div>
      {children}
    </section>
  );
}
