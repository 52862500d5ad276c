import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { releaseUnclaimingWorker } from './simulated-api';

const SCRIPT = 'http://console.test/mockServiceWorker.js';

/** A stand-in for navigator.serviceWorker: one registration of `scriptUrl`, and a controller. */
function fakeContainer(scriptUrl: string, controlled: boolean) {
  const unregister = vi.fn(async () => true);
  const listeners: Array<() => void> = [];
  const container = {
    controller: controlled ? { scriptURL: scriptUrl } : null,
    getRegistrations: async () => [
      { active: { scriptURL: scriptUrl }, waiting: null, installing: null, unregister },
    ],
    addEventListener: (type: string, listener: () => void) => {
      if (type === 'controllerchange') listeners.push(listener);
    },
    claim() {
      container.controller = { scriptURL: scriptUrl };
      for (const listener of listeners) listener();
    },
  };
  vi.stubGlobal('navigator', { serviceWorker: container });
  return { container, unregister };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('releaseUnclaimingWorker (so that msw never reloads the page)', () => {
  it('leaves a worker that controls the page alone', async () => {
    const { unregister } = fakeContainer(SCRIPT, true);
    await releaseUnclaimingWorker(SCRIPT);
    expect(unregister).not.toHaveBeenCalled();
  });

  it('unregisters a registered worker that does not claim the page (a hard reload)', async () => {
    const { unregister } = fakeContainer(SCRIPT, false);
    const done = releaseUnclaimingWorker(SCRIPT);
    await vi.advanceTimersByTimeAsync(2_000);
    await done;
    expect(unregister).toHaveBeenCalledTimes(1);
  });

  it('keeps a worker that claims the page while it waits (it was still activating)', async () => {
    const { container, unregister } = fakeContainer(SCRIPT, false);
    const done = releaseUnclaimingWorker(SCRIPT);
    await vi.advanceTimersByTimeAsync(500);
    container.claim();
    await done;
    expect(unregister).not.toHaveBeenCalled();
  });

  it('ignores registrations of other workers', async () => {
    const { unregister } = fakeContainer('http://console.test/other-worker.js', false);
    await releaseUnclaimingWorker(SCRIPT);
    expect(unregister).not.toHaveBeenCalled();
  });
});
