/**
 * The core worker: scenario generation and the reading of a saved state off the page's thread.
 * The page loads it lazily (core-client.ts), only when such work is asked for. What it does with
 * each message is core-handler.ts; the protocol is protocol.ts.
 */
import { createCoreHandler } from './core-handler';
import type { WorkerReply } from './protocol';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: WorkerReply): void;
}
const scope = globalThis as unknown as WorkerScope;
const handle = createCoreHandler((reply) => scope.postMessage(reply));

scope.addEventListener('message', ({ data }) => {
  void handle(data);
});
