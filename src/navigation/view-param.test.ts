import { describe, expect, it } from 'vitest';
import { readViewParam, VIEW_IDS, viewLink, withView } from './view-param';

describe('readViewParam', () => {
  it('shows Lifecycle when the address names no view', () => {
    expect(readViewParam('')).toEqual({ view: 'lifecycle', problem: null, canonical: true });
    expect(readViewParam('?scenario=blank')).toEqual({
      view: 'lifecycle',
      problem: null,
      canonical: true,
    });
  });

  it.each(VIEW_IDS)('reads ?view=%s as that view, as written', (view) => {
    expect(readViewParam(`?view=${view}`)).toEqual({ view, problem: null, canonical: true });
  });

  it('reads a mixed-case value as the view, and says the address is not canonical', () => {
    expect(readViewParam('?view=Keys')).toEqual({ view: 'keys', problem: null, canonical: false });
    expect(readViewParam('view=TIMELINE&scenario=jane-tino')).toEqual({
      view: 'timeline',
      problem: null,
      canonical: false,
    });
    expect(readViewParam('?view=%20api%20').view).toBe('api');
  });

  it('refuses an unknown view with a message naming it and the known ones', () => {
    const reading = readViewParam('?view=reports');
    expect(reading.view).toBe('lifecycle');
    expect(reading.problem).toBe(
      'There is no view "reports"; showing Lifecycle. Known views: lifecycle, keys, api, timeline, training, credentials, stories, offboarding.',
    );
    expect(reading.canonical).toBe(false);
  });

  it('refuses an empty view', () => {
    const reading = readViewParam('?view=');
    expect(reading.view).toBe('lifecycle');
    expect(reading.problem).toMatch(/^There is no view ""/);
  });

  it('does not take a view from a prototype name', () => {
    expect(readViewParam('?view=constructor').problem).toMatch(/no view "constructor"/);
    expect(readViewParam('?view=__proto__').view).toBe('lifecycle');
  });

  it('accepts a repeated view that names the same view every time, and canonicalises it', () => {
    expect(readViewParam('?view=keys&view=KEYS')).toEqual({
      view: 'keys',
      problem: null,
      canonical: false,
    });
  });

  it('refuses repeated views that disagree, naming every value', () => {
    const reading = readViewParam('?view=keys&view=api');
    expect(reading.view).toBe('lifecycle');
    expect(reading.problem).toBe(
      'The address names 2 views ("keys", "api"); showing Lifecycle. Known views: lifecycle, keys, api, timeline, training, credentials, stories, offboarding.',
    );
  });

  it('refuses a repeat that mixes a known and an unknown view', () => {
    expect(readViewParam('?view=keys&view=nope').problem).toMatch(/names 2 views/);
  });
});

describe('withView and viewLink', () => {
  const base = 'http://127.0.0.1:4173/?scenario=large&people=10&view=KEYS#state=abc';

  it('replaces the view and keeps every other parameter and the fragment', () => {
    expect(withView(base, 'api')).toBe(
      'http://127.0.0.1:4173/?scenario=large&people=10&view=api#state=abc',
    );
  });

  it('writes the default view as no parameter', () => {
    expect(withView(base, 'lifecycle')).toBe(
      'http://127.0.0.1:4173/?scenario=large&people=10#state=abc',
    );
  });

  it('makes links without the origin or the fragment, under any base path', () => {
    expect(viewLink(base, 'timeline')).toBe('/?scenario=large&people=10&view=timeline');
    expect(viewLink('https://host.example/klc/?view=api', 'lifecycle')).toBe('/klc/');
  });

  it('round-trips: every view read back from its own link', () => {
    for (const view of VIEW_IDS) {
      const link = viewLink(base, view);
      expect(readViewParam(new URL(link, base).search)).toEqual({
        view,
        problem: null,
        canonical: true,
      });
    }
  });
});
