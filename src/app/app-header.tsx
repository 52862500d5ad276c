import { useId } from 'react';
import { Button } from '../components/button';
import { SCENARIOS } from '../core/scenarios/scenario-catalog';
import { PresenterToggle, PresenterToolbar } from '../features/presenter/presenter-controls';
import { useTenantStore } from '../store/tenant-store';
import { useTenant } from '../store/use-tenant';
import { type ThemeChoice, useTheme } from './theme';

const selectClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

export function AppHeader() {
  const tenant = useTenant();
  // While a generated scenario loads, the select already shows it.
  const scenarioId = useTenantStore((s) => s.loading?.id ?? s.scenarioId);
  const loadScenario = useTenantStore((s) => s.loadScenario);
  const resetScenario = useTenantStore((s) => s.resetScenario);
  const { choice, setChoice } = useTheme();
  const scenarioSelect = useId();
  const themeSelect = useId();

  return (
    <header className="border-slate-200 border-b bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div>
          <h1 className="font-bold text-lg">Key Lifecycle Console</h1>
          <p className="text-slate-600 text-sm dark:text-slate-400">
            <span className="font-medium text-slate-900 dark:text-slate-100">{tenant.name}</span> ·{' '}
            <span>{tenant.domain}</span> · simulated Tines tenant
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3 text-sm">
          <label htmlFor={scenarioSelect} className="flex flex-col gap-1">
            Scenario
            <select
              id={scenarioSelect}
              className={selectClass}
              value={scenarioId}
              onChange={(e) => void loadScenario(e.target.value)}
            >
              {SCENARIOS.map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {scenario.title}
                </option>
              ))}
            </select>
          </label>
          <Button onClick={() => void resetScenario()}>Reset scenario</Button>
          <label htmlFor={themeSelect} className="flex flex-col gap-1">
            Theme
            <select
              id={themeSelect}
              className={selectClass}
              value={choice}
              onChange={(e) => setChoice(e.target.value as ThemeChoice)}
            >
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <PresenterToggle />
        </div>
        <PresenterToolbar />
      </div>
    </header>
  );
}
