import { Suspense, useId, useState } from 'react';
import { Button } from '../components/button';
import { lazyNamed } from '../components/lazy-named';
import { ShowLazily } from '../components/show-lazily';
import { SCENARIOS } from '../core/scenarios/scenario-catalog';
import { PresenterToggle } from '../features/presenter/presenter-controls';
import { usePresenter } from '../features/presenter/use-presenter';
import { selectTenant, useTenantStore } from '../store/tenant-store';
import { replaceAsking } from './ask-store';
import { type ThemeChoice, useTheme } from './theme';

const selectClass =
  'rounded border border-slate-300 bg-white px-1 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

const PresenterToolbar = lazyNamed(
  () => import('../features/presenter/presenter-toolbar'),
  'PresenterToolbar',
);

function PresenterSlot() {
  const enabled = usePresenter((s) => s.enabled);
  return (
    <ShowLazily when={enabled}>
      <PresenterToolbar />
    </ShowLazily>
  );
}

// Loaded on the first click (and fetched while idle after the first paint, with the saving).
const ShareDialog = lazyNamed(() => import('./after-render'), 'ShareDialog');

function TenantName() {
  const name = useTenantStore((s) => selectTenant(s).name);
  const domain = useTenantStore((s) => selectTenant(s).domain);
  return (
    <p className="text-slate-600 text-xs dark:text-slate-400">
      {/* Isolated: a right-to-left name or domain cannot reorder the line around it. */}
      <bdi className="font-medium text-slate-900 dark:text-slate-100">{name}</bdi> ·{' '}
      <bdi>{domain}</bdi> · simulated Tines tenant
    </p>
  );
}

/** Undo and Redo, from every view (Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z are wired in the shell). */
function UndoRedo() {
  const canUndo = useTenantStore((s) => s.cursor > 0);
  const canRedo = useTenantStore((s) => s.cursor < s.events.length);
  const undo = useTenantStore((s) => s.undo);
  const redo = useTenantStore((s) => s.redo);
  return (
    <div className="flex gap-1">
      <Button
        size="compact"
        onClick={undo}
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z Meta+Z"
        title="Undo (Ctrl+Z, ⌘Z)"
      >
        <span aria-hidden="true">↶</span>
        Undo
      </Button>
      <Button
        size="compact"
        onClick={redo}
        disabled={!canRedo}
        aria-keyshortcuts="Shift+Control+Z Shift+Meta+Z"
        title="Redo (Shift+Ctrl+Z, ⇧⌘Z)"
      >
        <span aria-hidden="true">↷</span>
        Redo
      </Button>
    </div>
  );
}

function ShareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="compact" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Share
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <ShareDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}

export function AppHeader() {
  // While a generated scenario loads, the select already shows it.
  const scenarioId = useTenantStore((s) => s.loading?.id ?? s.scenarioId);
  const loadScenario = useTenantStore((s) => s.loadScenario);
  const resetScenario = useTenantStore((s) => s.resetScenario);
  const { choice, setChoice } = useTheme();
  const scenarioSelect = useId();
  const themeSelect = useId();

  return (
    <header className="console-chrome border-slate-200 border-b bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-1.5">
        <div className="min-w-0">
          <h1 className="font-bold text-base leading-tight">Key Lifecycle Console</h1>
          <TenantName />
        </div>
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1.5 text-sm">
          <label htmlFor={scenarioSelect} className="flex items-center gap-2">
            Scenario
            <select
              id={scenarioSelect}
              className={selectClass}
              value={scenarioId}
              onChange={(e) => {
                const id = e.target.value;
                void replaceAsking('switch', () => loadScenario(id));
              }}
            >
              {SCENARIOS.map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {scenario.title}
                </option>
              ))}
              {/* A state from a file or a link that names no scenario of this console. */}
              {SCENARIOS.some((scenario) => scenario.id === scenarioId) ? null : (
                <option value={scenarioId} disabled>
                  Imported state
                </option>
              )}
            </select>
          </label>
          <Button size="compact" onClick={() => void replaceAsking('reset', resetScenario)}>
            Reset scenario
          </Button>
          <label htmlFor={themeSelect} className="flex items-center gap-2">
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
          <UndoRedo />
          <ShareButton />
        </div>
        <PresenterSlot />
      </div>
    </header>
  );
}
