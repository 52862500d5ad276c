// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { changeStatus } from '../core/commands';
import { type DocumentState, toDocument } from '../core/document/document';
import { janeTinoScenario } from '../core/scenarios/jane-tino';
import { accountNamed } from '../core/testing/named';
import { encodeDocument } from '../share/link-codec';
import { selectTenant } from '../store/tenant-store';
import { savedStateText } from './saved-state';
import { SAVED_STATE_KEY } from './saved-state-key';
import { readStart, type StartPage } from './startup';

/** jane-tino with these people deactivated. */
function janeWith(...deactivated: string[]): DocumentState {
  let state: DocumentState = {
    scenarioId: 'jane-tino',
    scenarioParams: {},
    genesis: janeTinoScenario.genesis,
    events: janeTinoScenario.events,
    cursor: janeTinoScenario.events.length,
  };
  for (const name of deactivated) {
    const tenant = selectTenant(state);
    const events = [
      ...state.events,
      changeStatus(tenant, 'account_deactivated', accountNamed(tenant, name).id),
    ];
    state = { ...state, events, cursor: events.length };
  }
  return state;
}

function storageWith(text: string | null): Storage {
  const items = new Map<string, string>(text === null ? [] : [[SAVED_STATE_KEY, text]]);
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const saved = janeWith('Jane Tino');
const savedText = savedStateText(toDocument(saved), new Date(0));
const linked = janeWith('Sam Patel');

function page(search: string, hash = '', navigationType = 'navigate', freshTab = false): StartPage {
  return { search, hash, navigationType, freshTab };
}

describe('what the page opens on', () => {
  it('opens a #state= link before the URL scenario and the saved state', async () => {
    const hash = `#state=${await encodeDocument(toDocument(linked))}`;
    const plan = await readStart(page('?scenario=blank', hash), storageWith(savedText));
    expect(plan).toMatchObject({ state: linked, fromLink: true, clearLink: true, notice: null });
  });

  it('says why a link was refused, and opens the saved state instead', async () => {
    const payload = await encodeDocument(toDocument(linked));
    const hash = `#state=${payload.slice(0, -12)}`;
    const plan = await readStart(page('', hash), storageWith(savedText));
    expect(plan).toMatchObject({ state: saved, fromLink: false, clearLink: true });
    expect(plan.notice).toMatch(/^The shared link was not opened, so nothing changed\. .*cut/);
  });

  it('opens ?scenario= afresh when the address is opened, without reading the saved state', async () => {
    const plan = await readStart(page('?scenario=jane-tino'), storageWith(savedText));
    expect(plan).toEqual({
      state: null,
      fromLink: false,
      clearLink: false,
      notice: null,
      urlWins: true,
    });
  });

  it('keeps showing ?scenario= afresh on a reload of a tab that has saved nothing since', async () => {
    const plan = await readStart(
      page('?scenario=blank', '', 'reload', true),
      storageWith(savedText),
    );
    expect(plan).toMatchObject({ state: null, urlWins: true });
  });

  it.each(['reload', 'back_forward'])(
    'restores the saved state on %s, ?scenario= or not',
    async (type) => {
      const plan = await readStart(page('?scenario=jane-tino', '', type), storageWith(savedText));
      expect(plan).toMatchObject({ state: saved, checked: { kind: 'readable', text: savedText } });
    },
  );

  it('opens the saved state when the address names no scenario', async () => {
    const plan = await readStart(page(''), storageWith(savedText));
    expect(plan.state).toEqual(saved);
  });

  it('starts on the default when nothing is saved, or what is saved cannot be read', async () => {
    expect(await readStart(page(''), storageWith(null))).toMatchObject({
      state: null,
      checked: { kind: 'none' },
    });
    expect(await readStart(page(''), null)).toMatchObject({ state: null });
    expect(await readStart(page(''), storageWith('{"oops'))).toMatchObject({
      state: null,
      checked: { kind: 'unreadable', text: '{"oops', problems: [{ field: '(saved state)' }] },
    });
  });
});
