import { describe, expect, it } from 'vitest';
import { VIEW_IDS } from '../navigation/view-param';
import { VIEWS, viewEntry } from './views';

describe('the console views', () => {
  it('are the views the address can name, in the same order', () => {
    expect(VIEWS.map((view) => view.id)).toEqual([...VIEW_IDS]);
  });

  it('are labelled exactly Lifecycle, Keys, API, Timeline, Training, Credentials, Stories and Offboarding', () => {
    expect(VIEWS.map((view) => view.label)).toEqual([
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

  it('each say in one line what they are for', () => {
    for (const view of VIEWS) expect(view.summary).toMatch(/^\S.*\.$/);
  });

  it('have Lifecycle at hand and every other view in its own chunk', () => {
    expect(VIEWS.filter((view) => view.component.kind === 'static').map((view) => view.id)).toEqual(
      ['lifecycle'],
    );
  });

  it.each(VIEWS.filter((view) => view.component.kind === 'lazy'))(
    'loads the $label view from its chunk (the export it names exists)',
    async (view) => {
      if (view.component.kind !== 'lazy') throw new Error(view.id);
      const View = await view.component.load();
      expect(View).not.toBeUndefined();
      // A function component, or a memo/forwardRef object.
      expect(['function', 'object']).toContain(typeof View);
    },
  );

  it('finds a view by its id, and throws for an id that is not one', () => {
    expect(viewEntry('api').label).toBe('API');
    expect(() => viewEntry('nope' as never)).toThrow('No view "nope" in VIEWS');
  });
});
