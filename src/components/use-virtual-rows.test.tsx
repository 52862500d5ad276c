import { act, render, screen } from '@testing-library/react';
import { Suspense, useRef } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Module = typeof import('./use-virtual-rows');

/** A module instance of its own for each test: whether the virtualiser has loaded is its state. */
let hooks: Module;
beforeEach(async () => {
  vi.resetModules();
  hooks = await import('./use-virtual-rows');
});

function Rows({ count }: { count: number }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = hooks.useVirtualRows(count, scrollRef, 40);
  return (
    <div ref={scrollRef}>
      <p>{virtual.enabled ? 'virtualised' : 'every row'}</p>
    </div>
  );
}

function tableOf(count: number) {
  return (
    <Suspense fallback={<p>waiting for the virtualiser</p>}>
      <Rows key={hooks.virtualKey(count)} count={count} />
    </Suspense>
  );
}

/** Rendered in one synchronous act: whatever suspends shows its fallback. */
function renderNow(count: number) {
  act(() => {
    render(tableOf(count));
  });
}

describe('useVirtualRows', () => {
  it('renders every row at or below the threshold, without the virtualiser', () => {
    renderNow(hooks.VIRTUALISE_ABOVE);
    expect(screen.getByText('every row')).toBeInTheDocument();
  });

  it('waits for the virtualiser the first time a table needs it', async () => {
    await act(async () => {
      render(tableOf(hooks.VIRTUALISE_ABOVE + 1));
    });
    expect(await screen.findByText('virtualised')).toBeInTheDocument();
  });

  it('once the virtualiser is here, renders a big table in the same render, never the fallback', async () => {
    await hooks.loadVirtualizer();
    renderNow(hooks.VIRTUALISE_ABOVE + 1);
    expect(screen.getByText('virtualised')).toBeInTheDocument();
    expect(screen.queryByText('waiting for the virtualiser')).not.toBeInTheDocument();
  });

  it('hands out one load, however often it is asked', () => {
    expect(hooks.loadVirtualizer()).toBe(hooks.loadVirtualizer());
  });
});
