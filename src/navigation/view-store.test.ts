import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialiseViewFromUrl, navigate, useViewStore } from './view-store';

function address(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

function token(): number {
  return useViewStore.getState().focusToken;
}

let stop: (() => void) | undefined;

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  useViewStore.setState({ view: 'lifecycle' });
});

afterEach(() => {
  stop?.();
  stop = undefined;
});

describe('navigate', () => {
  it('shows the view, pushes one history entry for it and asks its heading to take focus', () => {
    const entries = window.history.length;
    const before = token();
    navigate('keys');
    expect(useViewStore.getState()).toEqual({ view: 'keys', focusToken: before + 1 });
    expect(address()).toBe('/?view=keys');
    expect(window.history.length).toBe(entries + 1);
  });

  it('pushes nothing when the view is already shown, but still moves focus to its heading', () => {
    navigate('timeline');
    const entries = window.history.length;
    const before = token();
    navigate('timeline');
    expect(window.history.length).toBe(entries);
    expect(address()).toBe('/?view=timeline');
    expect(token()).toBe(before + 1);
  });

  it('leaves focus alone when asked to', () => {
    const before = token();
    navigate('api', { focus: false });
    expect(useViewStore.getState()).toEqual({ view: 'api', focusToken: before });
    expect(address()).toBe('/?view=api');
  });

  it('keeps the scenario parameters and writes Lifecycle as no parameter', () => {
    window.history.replaceState(null, '', '/?scenario=large&people=40&view=keys');
    useViewStore.setState({ view: 'keys' });
    navigate('training');
    expect(address()).toBe('/?scenario=large&people=40&view=training');
    navigate('lifecycle');
    expect(address()).toBe('/?scenario=large&people=40');
  });
});

describe('initialiseViewFromUrl', () => {
  it('reads ?view= at start-up without moving focus, reporting or rewriting anything', () => {
    window.history.replaceState(null, '', '/?scenario=blank&view=timeline');
    const entries = window.history.length;
    const before = token();
    const report = vi.fn();
    stop = initialiseViewFromUrl(report);
    expect(useViewStore.getState()).toEqual({ view: 'timeline', focusToken: before });
    expect(report).not.toHaveBeenCalled();
    expect(address()).toBe('/?scenario=blank&view=timeline');
    expect(window.history.length).toBe(entries);
  });

  it('shows Lifecycle for an address with no view', () => {
    useViewStore.setState({ view: 'api' });
    stop = initialiseViewFromUrl(vi.fn());
    expect(useViewStore.getState().view).toBe('lifecycle');
    expect(address()).toBe('/');
  });

  it('rewrites a view written another way in place (no new entry), without a report', () => {
    window.history.replaceState({ kept: true }, '', '/?view=KEYS&scenario=blank#x');
    const entries = window.history.length;
    const report = vi.fn();
    stop = initialiseViewFromUrl(report);
    expect(useViewStore.getState().view).toBe('keys');
    expect(address()).toBe('/?scenario=blank&view=keys#x');
    expect(window.history.length).toBe(entries);
    expect(window.history.state).toEqual({ kept: true });
    expect(report).not.toHaveBeenCalled();
  });

  it('reports an unknown view, shows Lifecycle and drops it from the address', () => {
    window.history.replaceState(null, '', '/?scenario=blank&view=reports');
    const report = vi.fn();
    stop = initialiseViewFromUrl(report);
    expect(report).toHaveBeenCalledExactlyOnceWith(
      'There is no view "reports"; showing Lifecycle. Known views: lifecycle, keys, api, timeline, training, credentials, stories, offboarding.',
    );
    expect(useViewStore.getState().view).toBe('lifecycle');
    expect(address()).toBe('/?scenario=blank');
  });

  it('reports views that disagree, and keeps none of them', () => {
    window.history.replaceState(null, '', '/?view=keys&view=api');
    const report = vi.fn();
    stop = initialiseViewFromUrl(report);
    expect(report).toHaveBeenCalledWith(expect.stringMatching(/^The address names 2 views/));
    expect(address()).toBe('/');
  });

  it('follows back and forward: the view of the address, focus on its heading, then onHistoryMove', async () => {
    const moves = vi.fn();
    stop = initialiseViewFromUrl(vi.fn(), moves);
    navigate('keys');
    navigate('timeline');
    const before = token();

    window.history.back();
    await waitFor(() => expect(useViewStore.getState().view).toBe('keys'));
    expect(token()).toBe(before + 1);
    expect(moves).toHaveBeenCalledOnce();

    window.history.back();
    await waitFor(() => expect(useViewStore.getState().view).toBe('lifecycle'));
    window.history.forward();
    await waitFor(() => expect(useViewStore.getState().view).toBe('keys'));
    expect(moves).toHaveBeenCalledTimes(3);
  });

  it('reports a bad view reached through the history, and rewrites that entry', () => {
    const report = vi.fn();
    stop = initialiseViewFromUrl(report);
    window.history.pushState(null, '', '/?view=nope');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(report).toHaveBeenCalledWith(expect.stringMatching(/^There is no view "nope"/));
    expect(useViewStore.getState().view).toBe('lifecycle');
    expect(address()).toBe('/');
  });

  it('stops following the history once stopped', () => {
    const moves = vi.fn();
    initialiseViewFromUrl(vi.fn(), moves)();
    window.history.pushState(null, '', '/?view=api');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(moves).not.toHaveBeenCalled();
    expect(useViewStore.getState().view).toBe('lifecycle');
  });
});
