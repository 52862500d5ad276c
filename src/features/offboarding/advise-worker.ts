/**
 * The advice worker: the advisor (`adviseFixes`) off the page's thread. For 500 people leaving
 * the `large` scenario it runs 1.6–2 s at once, and some single credentials take half a second
 * (it asks the simulated API what every request needs); here the page stays responsive meanwhile.
 * What it does with each message is advise-handler.ts.
 */

import { createAdviceHandler } from './advise-handler';
import type { FromWorker, ToWorker } from './advise-protocol';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
  postMessage(message: FromWorker): void;
}
const scope = globalThis as unknown as WorkerScope;
const handle = createAdviceHandler();

scope.addEventListener('message', ({ data }) => {
  const answer = handle(data);
  if (answer !== null) scope.postMessage(answer);
});
