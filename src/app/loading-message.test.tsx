import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Loading, useTenantStore } from '../store/tenant-store';
import { REPLAY_STAGE, useTravelProgress } from '../store/travel';
import { useLoadProgress } from '../worker/load-progress';
import {
  BusyMessage,
  LoadingMessage,
  SHOW_PROGRESS_AFTER_MS,
  travelLabel,
} from './loading-message';

let loading: Loading;

describe('the loading progress', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useTenantStore.getState().loadScenario('jane-tino');
    // Each test's own load: progress of another load is never shown for it.
    loading = { id: 'large', params: { people: 10_000, keysPerPerson: 4 } };
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows nothing for a load quicker than the threshold', () => {
    render(<LoadingMessage />);
    act(() => useTenantStore.setState({ loading }));
    act(() => vi.advanceTimersByTime(SHOW_PROGRESS_AFTER_MS - 50));
    act(() => useTenantStore.setState({ loading: null }));
    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('then a progressbar named for what runs, with its values, its stage in words and Cancel', () => {
    render(<LoadingMessage />);
    act(() => {
      useTenantStore.setState({ loading });
      useLoadProgress.setState({
        loading,
        label: 'Loading Globex Industries (large scenario)',
        progress: { stage: 'Generating people', done: 4_200, total: 10_000 },
        restoring: false,
      });
    });
    expect(screen.queryByRole('progressbar')).toBeNull();
    act(() => vi.advanceTimersByTime(SHOW_PROGRESS_AFTER_MS));
    const bar = screen.getByRole('progressbar', {
      name: 'Loading Globex Industries (large scenario)',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '4200');
    expect(bar).toHaveAttribute('aria-valuemax', '10000');
    expect(screen.getByText('Generating people 4,200 of 10,000')).toBeInTheDocument();
    expect(
      screen.getByText('Generating the large tenant (10,000 people, about 40,000 keys)…'),
    ).toBeInTheDocument();

    act(() =>
      useLoadProgress.setState({
        progress: { stage: 'Building the tenant:', done: 40_000, total: 80_994, unit: 'events' },
      }),
    );
    expect(screen.getByText('Building the tenant: 40,000 of 80,994 events')).toBeInTheDocument();

    const before = useTenantStore.getState();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const after = useTenantStore.getState();
    expect(after.loading).toBeNull();
    expect(after.events).toBe(before.events);
    expect(after.cursor).toBe(before.cursor);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('names the work before the worker has named the tenant, and says when a saved state opens', () => {
    render(<LoadingMessage />);
    act(() => useTenantStore.setState({ loading }));
    act(() => vi.advanceTimersByTime(SHOW_PROGRESS_AFTER_MS));
    expect(
      screen.getByRole('progressbar', { name: 'Loading the tenant (large scenario)' }),
    ).not.toHaveAttribute('aria-valuenow');
    act(() =>
      useLoadProgress.setState({
        loading,
        label: 'Loading Globex Industries (large scenario)',
        progress: { stage: 'Checking the saved state', done: 0, total: 0 },
        restoring: true,
      }),
    );
    expect(screen.getByText(/^Opening the state saved in this browser\./)).toBeInTheDocument();
    expect(screen.getByText('Checking the saved state')).toBeInTheDocument();
  });
});

describe('the progress of a far move of the timeline', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useTenantStore.getState().loadScenario('jane-tino');
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows, past the threshold, a progressbar named for where it goes, its stage and Cancel', () => {
    render(<BusyMessage />);
    const travelling = { cursor: 1_200, total: 81_000 };
    act(() => {
      useTenantStore.setState({ travelling });
      useTravelProgress.setState({
        travel: travelling,
        progress: { stage: REPLAY_STAGE, done: 600, total: 1_200, unit: 'events' },
      });
    });
    expect(screen.queryByRole('progressbar')).toBeNull();
    act(() => vi.advanceTimersByTime(SHOW_PROGRESS_AFTER_MS));
    const bar = screen.getByRole('progressbar', {
      name: 'Travelling to the moment after event 1,200 of 81,000',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '600');
    expect(screen.getByText('Replaying the log: 600 of 1,200 events')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(useTenantStore.getState().travelling).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('names a move to the very start as such', () => {
    expect(travelLabel(0, 81_000)).toBe(
      'Travelling to the moment before the first event of 81,000',
    );
  });
});
