// @vitest-environment node
// (Node streams the Blob that CompressionStream reads; jsdom's cannot.)
import { describe, expect, it } from 'vitest';
import { janeTinoScenario } from '../core/scenarios/jane-tino';
import type { LogState } from '../store/tenant-store';
import { decodePayload } from './link-codec';
import { shareLinkOf } from './open-state';
import { readStateText } from './state-document';

const jane: LogState = {
  scenarioId: 'jane-tino',
  scenarioParams: {},
  genesis: janeTinoScenario.genesis,
  events: janeTinoScenario.events,
  cursor: 7,
};

const page = new URL('https://console.example/klc/?scenario=large&people=40&view=keys#main');

async function stateOf(link: string) {
  const decoded = await decodePayload(new URL(link).hash.replace(/^#state=/, ''));
  if (!decoded.ok) throw new Error(decoded.reason);
  return readStateText(decoded.text);
}

describe('shareLinkOf', () => {
  it('links the page without its query or fragment when the view is Lifecycle', async () => {
    const link = await shareLinkOf(jane, page);
    expect(link).toMatch(/^https:\/\/console\.example\/klc\/#state=[A-Za-z0-9_-]+$/);
    expect(await shareLinkOf(jane, page, 'lifecycle')).toBe(link);
  });

  it.each(['keys', 'api', 'timeline', 'training'] as const)(
    'carries the %s view in the query, and nothing else of it',
    async (view) => {
      const link = await shareLinkOf(jane, page, view);
      const url = new URL(link);
      expect(`${url.origin}${url.pathname}${url.search}`).toBe(
        `https://console.example/klc/?view=${view}`,
      );
      expect(url.hash).toMatch(/^#state=[A-Za-z0-9_-]+$/);
    },
  );

  it('holds the whole state, whatever the view', async () => {
    expect(await stateOf(await shareLinkOf(jane, page, 'timeline'))).toEqual({
      ok: true,
      state: jane,
    });
  });
});
