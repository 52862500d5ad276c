import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useViewStore } from '../navigation/view-store';
import { useTenantStore } from '../store/tenant-store';
import { ConsoleNav } from './console-nav';
import { initialiseScenarioFromUrl } from './scenario-url';

function nav() {
  return screen.getByRole('navigation', { name: 'Console' });
}

function link(name: string) {
  return within(nav()).getByRole('link', { name });
}

/** Clicks, and says whether the console kept the browser from following the link. */
function clickLink(name: string, init: MouseEventInit = {}): boolean {
  let prevented = false;
  const after = (event: Event) => {
    prevented = event.defaultPrevented;
    // jsdom cannot load another page: stop it after the console had its say.
    event.preventDefault();
  };
  window.addEventListener('click', after);
  try {
    fireEvent.click(link(name), init);
  } finally {
    window.removeEventListener('click', after);
  }
  return prevented;
}

let stop: (() => void) | undefined;

describe('ConsoleNav', () => {
  beforeEach(async () => {
    window.history.replaceState(null, '', '/');
    useViewStore.setState({ view: 'lifecycle' });
    await useTenantStore.getState().loadScenario('jane-tino');
  });
  afterEach(() => {
    stop?.();
    stop = undefined;
  });

  it('links every view, in order, by its label', () => {
    render(<ConsoleNav />);
    expect(
      within(nav())
        .getAllByRole('link')
        .map((item) => item.textContent),
    ).toEqual([
      'Lifecycle',
      'Keys',
      'API',
      'Timeline',
      'Training',
      'Credentials',
      'Stories',
      'Offboarding',
    ]);
  });

  it('gives real addresses that keep the scenario and its parameters', () => {
    window.history.replaceState(null, '', '/?scenario=large&people=40&keysPerPerson=4#main');
    render(<ConsoleNav />);
    expect(link('Lifecycle')).toHaveAttribute('href', '/?scenario=large&people=40&keysPerPerson=4');
    expect(link('Keys')).toHaveAttribute(
      'href',
      '/?scenario=large&people=40&keysPerPerson=4&view=keys',
    );
    expect(link('Training')).toHaveAttribute(
      'href',
      '/?scenario=large&people=40&keysPerPerson=4&view=training',
    );
  });

  it('follows another scenario into its links once the address names it', async () => {
    window.history.replaceState(null, '', '/?scenario=jane-tino&view=keys');
    stop = initialiseScenarioFromUrl();
    render(<ConsoleNav />);
    await act(() => useTenantStore.getState().loadScenario('blank'));
    expect(link('API')).toHaveAttribute('href', '/?scenario=blank&view=api');
    expect(link('Lifecycle')).toHaveAttribute('href', '/?scenario=blank');
  });

  it('marks the open view as the current page, and only it', async () => {
    const user = userEvent.setup();
    render(<ConsoleNav />);
    expect(link('Lifecycle')).toHaveAttribute('aria-current', 'page');
    expect(
      within(nav())
        .getAllByRole('link')
        .filter((item) => item.hasAttribute('aria-current')),
    ).toHaveLength(1);
    await user.click(link('Timeline'));
    expect(link('Timeline')).toHaveAttribute('aria-current', 'page');
    expect(link('Lifecycle')).not.toHaveAttribute('aria-current');
  });

  it('opens the view in place on a plain click: no page load, one history entry, focus asked for', () => {
    render(<ConsoleNav />);
    const entries = window.history.length;
    const { focusToken } = useViewStore.getState();
    expect(clickLink('Keys')).toBe(true);
    expect(useViewStore.getState()).toEqual({ view: 'keys', focusToken: focusToken + 1 });
    expect(window.location.search).toBe('?view=keys');
    expect(window.history.length).toBe(entries + 1);
  });

  it('opens the view from the keyboard too', async () => {
    const user = userEvent.setup();
    render(<ConsoleNav />);
    link('API').focus();
    await user.keyboard('{Enter}');
    expect(useViewStore.getState().view).toBe('api');
  });

  it.each<[string, MouseEventInit]>([
    ['Ctrl', { ctrlKey: true }],
    ['Cmd', { metaKey: true }],
    ['Shift', { shiftKey: true }],
    ['Alt', { altKey: true }],
  ])('leaves a %s+click to the browser (a new tab or window)', (_, init) => {
    render(<ConsoleNav />);
    const entries = window.history.length;
    expect(clickLink('Timeline', init)).toBe(false);
    expect(useViewStore.getState().view).toBe('lifecycle');
    expect(window.location.search).toBe('');
    expect(window.history.length).toBe(entries);
  });
});
