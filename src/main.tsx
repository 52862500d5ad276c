import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initialiseScenarioFromUrl, writeScenarioToAddress } from './app/scenario-url';
import { prefetchViews } from './app/view-outlet';
import './index.css';
import { initialiseViewFromUrl } from './navigation/view-store';
import { hasStateToRestore } from './persist/saved-state-key';
import { useTenantStore } from './store/tenant-store';

async function start(): Promise<void> {
  // A saved state or a `#state=` link is opened before the first render, so the page never shows
  // the default scenario first; a first visit with neither waits for nothing. The reader (zod, the
  // reducer's checks) is in the lazy after-render chunk.
  const startup = hasStateToRestore() ? await import('./app/after-render').catch(() => null) : null;
  const plan = startup === null ? null : await startup.readStart();
  initialiseScenarioFromUrl();
  if (plan !== null) startup?.applyStart(plan);
  const store = useTenantStore.getState();
  // Back and forward move between views; the address then gets the scenario shown back.
  initialiseViewFromUrl((problem) => store.showNotice('error', problem), writeScenarioToAddress);
  // `?tour=`: its reader comes with the tour's start, only when asked for.
  if (new URLSearchParams(window.location.search).has('tour')) {
    const { initialiseTourFromUrl } = await import('./features/tour/tour-url');
    initialiseTourFromUrl((problem) => store.showNotice('error', problem));
  }

  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root element');
  const initial = useTenantStore.getState();
  // A transition: React renders the first page in slices of a few ms, yielding between them,
  // instead of in one long task (the browser's first layout and paint follow it either way).
  const reactRoot = createRoot(root);
  startTransition(() => {
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
  // After the first render: saving, other tabs and links pasted later; the simulated API,
  // whichever view is open; then the other views' chunks while the browser is idle.
  void import('./app/after-render').then((module) => module.startAfterRender(initial));
  void import('./api/simulated-api').then((module) => module.startSimulatedApi());
  prefetchViews();
}

void start();
