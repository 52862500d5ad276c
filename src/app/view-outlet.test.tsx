import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { navigate, useViewStore } from '../navigation/view-store';
import { useTenantStore } from '../store/tenant-store';
import { ViewOutlet } from './view-outlet';

function viewHeading() {
  return screen.getByRole('heading', { level: 2 });
}

/** Waits for a lazy view's chunk: the view's own content shows it has arrived. */
function arrived<T>(find: () => T): Promise<T> {
  return waitFor(find, { timeout: 5_000 });
}

describe('ViewOutlet', () => {
  beforeEach(async () => {
    window.history.replaceState(null, '', '/');
    // The focus token is left as it is: the outlet remembers the last one it honoured.
    useViewStore.setState({ view: 'lifecycle' });
    await useTenantStore.getState().loadScenario('jane-tino');
  });

  it('shows the open view as a region named by its level-2 heading, with its summary', () => {
    render(<ViewOutlet />);
    const region = screen.getByRole('region', { name: 'Lifecycle' });
    expect(within(region).getByRole('heading', { level: 2, name: 'Lifecycle' })).toBeVisible();
    expect(region).toHaveTextContent(/Change an account’s status and watch every key’s verdict/);
    expect(within(region).getByRole('table', { name: 'People' })).toBeInTheDocument();
    expect(within(region).getByRole('table', { name: 'Validity matrix' })).toBeInTheDocument();
  });

  it('does not move focus on the first render', () => {
    render(<ViewOutlet />);
    expect(viewHeading()).not.toHaveFocus();
    expect(document.body).toHaveFocus();
  });

  it('mounts only the open view: another view replaces it', async () => {
    render(<ViewOutlet />);
    expect(screen.queryByRole('table', { name: 'Timeline' })).toBeNull();
    act(() => navigate('timeline'));
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeInTheDocument();
    await arrived(() => screen.getByRole('table', { name: 'Timeline' }));
    expect(screen.queryByRole('table', { name: 'People' })).toBeNull();
    expect(screen.queryByRole('table', { name: 'Validity matrix' })).toBeNull();
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(1);
  });

  it('says a view is loading until its chunk arrives', async () => {
    render(<ViewOutlet />);
    act(() => navigate('api'));
    // Either still loading (a status says so) or already there: never an empty view.
    const region = screen.getByRole('region', { name: 'API' });
    const loading = within(region).queryByRole('status');
    if (loading !== null) expect(loading).toHaveTextContent('Loading API…');
    await arrived(() => within(region).getByRole('table', { name: 'Permission matrix' }));
    expect(within(region).queryByText('Loading API…')).toBeNull();
  });

  it('moves focus to the new view’s heading after a navigation', async () => {
    render(<ViewOutlet />);
    act(() => navigate('keys'));
    await arrived(() => screen.getByRole('table', { name: 'Keys' }));
    expect(viewHeading()).toHaveTextContent('Keys');
    expect(viewHeading()).toHaveFocus();

    act(() => navigate('lifecycle'));
    expect(viewHeading()).toHaveTextContent('Lifecycle');
    expect(viewHeading()).toHaveFocus();
  });

  it('leaves focus alone after a navigation that asks so', async () => {
    const user = userEvent.setup();
    render(
      <>
        <button type="button">Elsewhere</button>
        <ViewOutlet />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    act(() => navigate('training', { focus: false }));
    await arrived(() => screen.getByRole('heading', { level: 3, name: 'Guided tour' }));
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
  });

  it('does not take focus back when the open view draws again', async () => {
    const user = userEvent.setup();
    render(<ViewOutlet />);
    act(() => navigate('lifecycle'));
    expect(viewHeading()).toHaveFocus();
    const search = screen.getByRole('searchbox', { name: 'Find a person' });
    await user.click(search);
    await act(() => useTenantStore.getState().loadScenario('blank'));
    expect(search).toHaveFocus();
  });

  it('draws a view it has loaded before at once, without a loading status', async () => {
    render(<ViewOutlet />);
    act(() => navigate('timeline'));
    await arrived(() => screen.getByRole('table', { name: 'Timeline' }));
    act(() => navigate('lifecycle'));
    act(() => navigate('timeline'));
    expect(screen.getByRole('table', { name: 'Timeline' })).toBeInTheDocument();
    expect(screen.queryByText('Loading Timeline…')).toBeNull();
  });
});

describe('prefetchViews', () => {
  it('fetches every other view while the browser is idle, so that a first visit draws at once', async () => {
    // A fresh outlet, with nothing loaded yet.
    vi.resetModules();
    const { VIEWS } = await import('./views');
    const loads = VIEWS.flatMap((entry) =>
      entry.component.kind === 'lazy' ? [vi.spyOn(entry.component, 'load')] : [],
    );
    const outlet = await import('./view-outlet');
    const views = await import('../navigation/view-store');
    views.useViewStore.setState({ view: 'lifecycle' });

    outlet.prefetchViews();
    await waitFor(
      () => {
        for (const load of loads) expect(load).toHaveBeenCalledOnce();
      },
      { timeout: 5_000 },
    );
    await Promise.all(loads.map((load) => load.mock.results[0]?.value));
    render(<outlet.ViewOutlet />);
    act(() => views.navigate('training'));
    expect(screen.getByRole('heading', { level: 3, name: 'Guided tour' })).toBeInTheDocument();
    act(() => views.navigate('api'));
    expect(screen.getByRole('table', { name: 'Permission matrix' })).toBeInTheDocument();
    act(() => views.navigate('keys'));
    expect(screen.getByRole('table', { name: 'Keys' })).toBeInTheDocument();
    for (const load of loads) expect(load).toHaveBeenCalledOnce();
  }, 15_000);
});
