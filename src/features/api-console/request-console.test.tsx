import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useRequestHistory } from '../../api/api-status';
import { answer } from '../../api/simulated-api';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { withVerdictsHiddenUntilReveal } from '../../test/hidden-verdicts';
import { usePredictStore } from '../predict/use-predict-store';
import { RequestConsole } from './request-console';

function tenant() {
  return selectTenant(useTenantStore.getState());
}

function account(name: string) {
  const found = [...tenant().accounts.values()].find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(name);
  return found;
}

/**
 * jsdom has no service worker: fetch is wired straight to the worker's handler, so the console,
 * the handler and the store are exercised together, and only the worker itself is left out.
 */
const sent: Request[] = [];

beforeEach(() => {
  useTenantStore.getState().loadScenario('jane-tino');
  useRequestHistory.getState().clear();
  sent.length = 0;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(String(input), 'http://console.test'), init);
    sent.push(request.clone());
    return answer(request);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('RequestConsole', () => {
  it('says when the simulated API cannot start, and why', async () => {
    render(<RequestConsole />);
    // jsdom has no navigator.serviceWorker.
    expect(
      await screen.findByText(
        /^The simulated API could not start: this browser has no service workers/,
      ),
    ).toBeInTheDocument();
  });

  it('deactivates Jane through the API with her tenant owner key: the store changes, acted by the key', async () => {
    const user = userEvent.setup();
    render(<RequestConsole />);
    const jane = account('Jane Tino');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Key' }), [
      screen.getByRole('option', { name: /^Jane tenant owner ·/ }),
    ]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Example' }), [
      screen.getByRole('option', {
        name: `Deactivate Jane Tino: PUT /api/v1/admin/users/${jane.id}`,
      }),
    ]);
    await user.click(screen.getByRole('button', { name: 'Send' }));

    expect(await screen.findByTestId('api-response-status')).toHaveTextContent('200 OK');
    expect(account('Jane Tino').status).toBe('deactivated');
    const state = useTenantStore.getState();
    expect(state.events.at(-1)).toMatchObject({
      type: 'account_deactivated',
      actor: {
        kind: 'key',
        keyId: [...tenant().keys.values()].find((k) => k.name === 'Jane tenant owner')?.id,
      },
    });
    // The names are isolated (U+2068 … U+2069), so neither can reorder the notice around it.
    expect(state.notice?.message).toBe(
      '\u2068Jane Tino\u2069 was deactivated by key \u2068Jane tenant owner\u2069 (simulated API).',
    );
    // The request carried the key in the header chosen, and a JSON body.
    expect(sent[0]?.headers.get('authorization')).toMatch(/^Bearer sim_/);
    expect(sent[0]?.headers.get('content-type')).toBe('application/json');
    expect(await sent[0]?.text()).toBe('{\n  "is_active": false\n}');
  });

  it('shows status, headers and body, and the curl without the secret', async () => {
    const user = userEvent.setup();
    render(<RequestConsole />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Send the key as' }), [
      'x-user-token',
    ]);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const response = await screen.findByRole('region', { name: 'Response' });
    expect(within(response).getByTestId('api-response-status')).toHaveTextContent('200 OK');
    expect(within(response).getByText('x-simulator-rule')).toBeInTheDocument();
    expect(within(response).getByText('perm.info-any-key')).toBeInTheDocument();
    expect(within(response).getByRole('region', { name: 'Response body' })).toHaveTextContent(
      '"stack"',
    );
    const curl = within(response).getByRole('region', { name: 'curl command' }).textContent ?? '';
    expect(curl).toContain('-H "x-user-token: $TINES_API_KEY"');
    expect(curl).not.toMatch(/sim_[A-Z2-7]{8}/);
  });

  it('keeps a history; re-sending repeats the request exactly and records a new answer', async () => {
    const user = userEvent.setup();
    render(<RequestConsole />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Key' }), [
      screen.getByRole('option', { name: /^Jane personal ·/ }),
    ]);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText('200 OK');
    // Jane is deactivated at the console; the same request now answers 401.
    useTenantStore.getState().dispatch((t) => ({
      type: 'account_deactivated',
      at: t.clock + 60_000,
      actor: { kind: 'console' },
      accountId: account('Jane Tino').id,
    }));
    const history = screen.getByRole('list', { name: 'Request history' });
    await user.click(within(history).getByRole('button', { name: 'Re-send GET /api/v1/info' }));
    expect(await screen.findByText('401 Unauthorized')).toBeInTheDocument();
    expect(within(history).getAllByRole('listitem')).toHaveLength(2);
    expect(sent[1]?.headers.get('authorization')).toBe(sent[0]?.headers.get('authorization'));
  });

  it('refuses a path outside /api/ and a paste with no secret, with the reason, sending nothing', async () => {
    const user = userEvent.setup();
    render(<RequestConsole />);
    const path = screen.getByRole('textbox', { name: 'Path' });
    await user.clear(path);
    await user.type(path, '/admin');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The path must start with /api/');

    await user.clear(path);
    await user.type(path, '/api/v1/info');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Key' }), ['__paste__']);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Paste a secret');
    expect(sent).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Secret' }), 'sim_WRONG');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('401 Unauthorized')).toBeInTheDocument();
  });

  it('masks the chosen key’s secret until Show secret is pressed', async () => {
    const user = userEvent.setup();
    render(<RequestConsole />);
    const secret = screen.getByRole('textbox', { name: 'Secret' });
    const first = [...tenant().keys.values()][0];
    expect(secret).toHaveValue(`sim_…${first?.secret.slice(-4)}`);
    await user.click(screen.getByRole('button', { name: 'Show secret' }));
    expect(secret).toHaveValue(first?.secret);
    // The button now says what a press does.
    expect(screen.queryByRole('button', { name: 'Show secret' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Hide secret' }));
    expect(secret).toHaveValue(`sim_…${first?.secret.slice(-4)}`);
  });

  it('starts every newly chosen key masked, so "choose, then Show secret" reads any key', async () => {
    const user = userEvent.setup();
    render(<RequestConsole />);
    const secret = screen.getByRole('textbox', { name: 'Secret' });
    const [first, second] = [...tenant().keys.values()];
    if (first === undefined || second === undefined) throw new Error('two keys expected');
    await user.click(screen.getByRole('button', { name: 'Show secret' }));
    expect(secret).toHaveValue(first.secret);

    const select = screen.getByRole('combobox', { name: 'Key' });
    const option = [...(select as HTMLSelectElement).options].find((candidate) =>
      candidate.text.startsWith(`${second.name} ·`),
    );
    await user.selectOptions(select, option?.value ?? '');
    expect(secret).toHaveValue(`sim_…${second.secret.slice(-4)}`);
    await user.click(screen.getByRole('button', { name: 'Show secret' }));
    expect(secret).toHaveValue(second.secret);
  });
});

describe('RequestConsole while the verdicts are hidden until reveal', () => {
  withVerdictsHiddenUntilReveal();

  it('sends the request but withholds its status, headers and body until the reveal', async () => {
    const user = userEvent.setup();
    render(<RequestConsole />);
    act(() => usePredictStore.getState().choosePerson(account('Jane Tino').id, 'deactivate'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Key' }), [
      screen.getByRole('option', { name: /^Jane personal ·/ }),
    ]);
    await user.click(screen.getByRole('button', { name: 'Send' }));

    const response = await screen.findByRole('region', { name: 'Response' });
    expect(sent).toHaveLength(1);
    const status = within(response).getByTestId('api-response-status');
    expect(status).toHaveTextContent('Answer hidden until reveal');
    expect(status).not.toHaveAttribute('data-status');
    expect(response).toHaveTextContent(
      'The status, headers and body would give the prediction away: Reveal shows them.',
    );
    expect(within(response).queryByRole('region', { name: 'Response body' })).toBeNull();
    expect(within(response).queryByText('x-simulator-rule')).toBeNull();
    expect(response).not.toHaveTextContent(/\b(200|401|403)\b|OK|Unauthorized|Forbidden/);
    // The request itself (and its curl) is no secret.
    expect(within(response).getByRole('region', { name: 'curl command' })).toHaveTextContent(
      '/api/v1/info',
    );
    const history = screen.getByRole('list', { name: 'Request history' });
    expect(within(history).getByRole('listitem')).toHaveTextContent(
      'GET /api/v1/info → hidden until reveal (Jane personal)',
    );
    expect(
      within(history).getByRole('button', {
        name: 'Show response: GET /api/v1/info → hidden until reveal',
      }),
    ).toBeInTheDocument();

    act(() =>
      usePredictStore
        .getState()
        .reveal({ personName: 'Jane Tino', change: 'deactivate', marked: [] }),
    );
    expect(within(response).getByTestId('api-response-status')).toHaveTextContent('200 OK');
    expect(within(response).getByRole('region', { name: 'Response body' })).toHaveTextContent(
      '"stack"',
    );
    expect(within(history).getByRole('listitem')).toHaveTextContent('GET /api/v1/info → 200 OK');
  });
});
