import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initialiseScenarioFromUrl } from './app/scenario-url';
import './index.css';
import { hasStateToRestore } from './persist/saved-state-key';
import { useTenantStore } from './store/tenant-store';

async function start(): Promise<void> {
  // A saved state or a `#state=` link is opened before the first render, so the page never shows
  // the default scenario first; a first visit with neither waits for nothing. The reader (zod, the
  // reducer's checks) is in the lazy below-the-fold chunk (see features/share/share-lazy.ts).
  const startup = hasStateToRestore()
    ? await import('./app/below-the-fold').catch(() => null)
    : null;
  const plan = startup === null ? null : await startup.readStart();
  initialiseScenarioFromUrl();
  if (plan !== null) startup?.applyStart(plan);
  // A change made in the past drops the later events: more than one only once the person agrees.
  useTenantStore
    .getState()
    .setDropConfirmer((dropped) =>
      window.confirm(
        `This change drops the ${dropped} later events of the timeline (the redo branch). Make it anyway?`,
      ),
    );

  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root element');
  const initial = useTenantStore.getState();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // Saving, other tabs and links pasted later: after the first render, with the panels below the
  // fold (one lazy chunk; see below-the-fold.ts).
  void import('./app/below-the-fold').then((module) => module.startAfterRender(initial));
}

void start();
