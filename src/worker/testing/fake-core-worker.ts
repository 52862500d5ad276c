/**
 * A core worker in the test's own thread: the real handler (core-handler.ts) behind a
 * `WorkerLike`, every message structured-cloned as a real worker's would be. Replies wait in a
 * queue; `auto` delivers each in its own task, in order (as a browser does), or the test delivers
 * them one by one to choose the moment something happens (a cancel, a crash).
 */

import { nextTask } from '../../test/next-task';
import type { WorkerLike } from '../core-client';
import { createCoreHandler, type HandlerOptions } from '../core-handler';

type Listener = (event: { readonly data?: unknown; readonly message?: string }) => void;

export interface FakeCoreWorker {
  readonly worker: WorkerLike;
  /** Replies made and not yet delivered. */
  readonly queued: unknown[];
  readonly requests: unknown[];
  readonly terminated: boolean;
  /** Resolves once the handler has answered every request posted so far. */
  answered(): Promise<void>;
  /** Deliver the next `count` queued replies (each in its own task); how many were delivered. */
  deliver(count?: number): Promise<number>;
  /** Deliver any message, as if the worker had sent it. */
  send(data: unknown): void;
  /** The worker fails outside a message (an uncaught error). */
  crash(message: string): void;
}

export function fakeCoreWorker(
  options: HandlerOptions & { readonly auto?: boolean } = {},
): FakeCoreWorker {
  const listeners = new Map<string, Listener[]>();
  const queued: unknown[] = [];
  const requests: unknown[] = [];
  let terminated = false;
  let pending: Promise<void> = Promise.resolve();
  const emit = (type: string, event: { data?: unknown; message?: string }) => {
    if (terminated) return;
    for (const listener of listeners.get(type) ?? []) listener(event);
  };
  let delivering: Promise<void> = Promise.resolve();
  const deliverOne = async (): Promise<boolean> => {
    await nextTask();
    if (terminated || queued.length === 0) return false;
    emit('message', { data: queued.shift() });
    return true;
  };
  const handle = createCoreHandler((reply) => {
    if (terminated) return;
    queued.push(structuredClone(reply));
    if (options.auto === true) {
      delivering = delivering.then(async () => {
        await deliverOne();
      });
    }
  }, options);

  const fake: FakeCoreWorker = {
    worker: {
      postMessage(message) {
        requests.push(message);
        if (!terminated) pending = handle(structuredClone(message));
      },
      terminate() {
        terminated = true;
        queued.length = 0;
      },
      addEventListener(type: string, listener: Listener) {
        listeners.set(type, [...(listeners.get(type) ?? []), listener]);
      },
    } as WorkerLike,
    queued,
    requests,
    get terminated() {
      return terminated;
    },
    answered: () => pending,
    async deliver(count = 1) {
      let delivered = 0;
      while (delivered < count && (await deliverOne())) delivered++;
      return delivered;
    },
    send(data) {
      emit('message', { data });
    },
    crash(message) {
      emit('error', { message });
    },
  };
  return fake;
}
