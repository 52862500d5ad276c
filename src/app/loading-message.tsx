import { findScenario } from '../core/scenarios/scenario-catalog';
import { useTenantStore } from '../store/tenant-store';

/** "Generating the large tenant (10,000 people, about 40,000 keys)…", with a spinner. */
export function LoadingMessage() {
  const loading = useTenantStore((s) => s.loading);
  const entry = loading === null ? undefined : findScenario(loading.id);
  return loading !== null && entry?.kind === 'generated' ? (
    <p className="flex items-center gap-2 rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-blue-900 text-sm dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100">
      <span
        aria-hidden="true"
        className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent motion-reduce:animate-none"
      />
      {entry.loadingMessage(loading.params)}
    </p>
  ) : null;
}
