import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initialiseScenarioFromUrl } from './app/scenario-url';
import './index.css';
import { useTenantStore } from './store/tenant-store';

initialiseScenarioFromUrl();
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
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
