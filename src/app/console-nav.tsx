import type { MouseEvent } from 'react';
import { viewLink } from '../navigation/view-param';
import { navigate, useViewStore } from '../navigation/view-store';
import { useTenantStore } from '../store/tenant-store';
import { VIEWS } from './views';

/** A plain click opens the view in place; a modified click (new tab, window) is the browser's. */
function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * The `Console` navigation: one link per view, real links (`?view=…`) that open in a new tab or
 * can be copied, and that a plain click follows without a reload.
 */
export function ConsoleNav() {
  const current = useViewStore((s) => s.view);
  // The links carry the scenario's parameters: re-drawn when they change.
  useTenantStore((s) => s.loading?.id ?? s.scenarioId);
  useTenantStore((s) => s.loading?.params ?? s.scenarioParams);
  return (
    <nav
      aria-label="Console"
      className="console-chrome border-slate-200 border-b bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <ul className="mx-auto flex max-w-screen-2xl gap-1 overflow-x-auto px-4">
        {VIEWS.map((view) => {
          const active = view.id === current;
          return (
            <li key={view.id}>
              <a
                href={viewLink(window.location.href, view.id)}
                aria-current={active ? 'page' : undefined}
                onClick={(event) => {
                  if (!isPlainClick(event)) return;
                  event.preventDefault();
                  navigate(view.id);
                }}
                className={`-mb-px block whitespace-nowrap border-b-2 px-3 py-2 font-medium text-sm ${
                  active
                    ? 'border-blue-700 text-blue-800 dark:border-blue-400 dark:text-blue-300'
                    : 'border-transparent text-slate-700 hover:border-slate-400 hover:text-slate-950 dark:text-slate-300 dark:hover:text-white'
                }`}
              >
                {view.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
