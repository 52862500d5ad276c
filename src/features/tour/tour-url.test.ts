import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTenantStore } from '../../store/tenant-store';
import { useLessonStore } from '../lessons/lesson-store';
import { TOUR_STORAGE_KEY } from './tour-storage';
import { initialiseTourFromUrl } from './tour-url';

function open(address: string) {
  window.history.replaceState(null, '', address);
}

describe('?tour= at start-up', () => {
  beforeEach(async () => {
    window.localStorage.clear();
    useLessonStore.setState({ tour: null, predicting: false, focusPending: false });
    await useTenantStore.getState().loadScenario('blank');
  });
  afterEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('opens the tour at step 1 on Jane Tino just before her first key, without taking focus', async () => {
    open('/?scenario=blank&tour=jane-tino');
    const report = vi.fn();
    initialiseTourFromUrl(report);

    expect(useLessonStore.getState().tour).toEqual({ step: 1, mode: 'open' });
    // Nothing was pressed: the page's focus stays where the browser put it.
    expect(useLessonStore.getState().focusPending).toBe(false);
    await waitFor(() => expect(useTenantStore.getState().scenarioId).toBe('jane-tino'));
    await waitFor(() => expect(useTenantStore.getState().events).toHaveLength(5));
    const { cursor, events } = useTenantStore.getState();
    expect(cursor).toBe(events.length);
    expect(report).not.toHaveBeenCalled();
  });

  it('drops the parameter (keeping the others), so a reload resumes rather than restarts', () => {
    open('/?scenario=blank&tour=jane-tino&view=training#main');
    initialiseTourFromUrl(vi.fn());
    expect(window.location.search).toBe('?scenario=blank&view=training');
    expect(window.location.hash).toBe('#main');
    expect(JSON.parse(window.localStorage.getItem(TOUR_STORAGE_KEY) ?? 'null')).toEqual({
      step: 1,
      mode: 'open',
    });
  });

  it('restarts a tour left at a later step', () => {
    useLessonStore.setState({ tour: { step: 4, mode: 'left' } });
    open('/?tour=jane-tino');
    initialiseTourFromUrl(vi.fn());
    expect(useLessonStore.getState().tour).toEqual({ step: 1, mode: 'open' });
  });

  it('refuses an unknown tour with a report, drops it, and leaves the page and the tour alone', async () => {
    useLessonStore.setState({ tour: { step: 3, mode: 'left' } });
    open('/?tour=bob');
    const report = vi.fn();
    initialiseTourFromUrl(report);
    expect(report).toHaveBeenCalledExactlyOnceWith(
      'There is no tour "bob"; the guided tour is "jane-tino".',
    );
    expect(window.location.search).toBe('');
    expect(useLessonStore.getState().tour).toEqual({ step: 3, mode: 'left' });
    // Give a wrongly started tour the time to load its scenario: none does.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(useTenantStore.getState().scenarioId).toBe('blank');
  });

  it('does nothing when the address names no tour', () => {
    open('/?scenario=blank');
    const report = vi.fn();
    initialiseTourFromUrl(report);
    expect(report).not.toHaveBeenCalled();
    expect(useLessonStore.getState().tour).toBeNull();
    expect(window.location.search).toBe('?scenario=blank');
  });
});
