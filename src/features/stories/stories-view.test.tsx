import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answer } from '../../api/simulated-api';
import { changeStatus, recordStoryRun } from '../../core/commands';
import { accountNamed } from '../../core/testing/named';
import { type Command, selectTenant, useTenantStore } from '../../store/tenant-store';
import { resetConsole } from '../../test/reset-console';
import { usePresenter } from '../presenter/use-presenter';
import { StoriesView } from './stories-view';
import { useStoryRuns } from './story-runs';

// The page's service worker is not in jsdom: `fetch` goes to the very function the worker calls.
vi.mock('../../api/simulated-api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../api/simulated-api')>()),
  startSimulatedApi: () => Promise.resolve(),
}));

const sent: string[] = [];
/** While set, each request waits for it: a test can look at a run half-way. */
let gate: Promise<void> | null = null;
function stubFetch() {
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push(`${init.method} ${url}`);
    if (gate !== null) await gate;
    return answer(new Request(new URL(url, 'http://localhost'), init));
  });
}
function holdRequests(): () => void {
  let release = () => {};
  gate = new Promise((resolve) => {
    release = () => {
      gate = null;
      resolve();
    };
  });
  return release;
}

const logged = () => useTenantStore.getState().events;
const lastRunCell = (name: string) => row(name).querySelector('[data-last-run]');

function dispatch(command: Command): void {
  const result = useTenantStore.getState().dispatch(command);
  if (!result.ok) throw new Error(result.reason);
}

function row(name: string) {
  const table = screen.getByRole('table', { name: 'Stories' });
  return within(table).getByRole('rowheader', { name }).closest('tr') as HTMLTableRowElement;
}

const storyNamed = (name: string) =>
  [...selectTenant(useTenantStore.getState()).stories.values()].find((s) => s.name === name);

describe('StoriesView', () => {
  beforeEach(async () => {
    await resetConsole();
    sent.length = 0;
    stubFetch();
    useStoryRuns.setState({ runs: new Map(), shown: null, progress: null, cancelled: false });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    usePresenter.setState({ enabled: false, hideLiveVerdicts: false, roundOpen: false });
  });

  it('lists jane-tino’s stories with their place, actions, credentials and last run', () => {
    render(<StoriesView />);
    const sync = row('User sync');
    expect(sync).toHaveTextContent('Team Automation');
    expect(sync).toHaveTextContent('Jane personal API key');
    expect(sync).toHaveTextContent('Not run yet');
    expect(row('SecOps user watch')).toHaveTextContent('Team SecOps');
    expect(row('SecOps user watch')).toHaveTextContent('Jane personal API key');
    expect(row('SecOps audit digest')).toHaveTextContent('Jane drafts audit key');
  });

  it('shows a recorded run, and a reference that no longer resolves once Jane is deleted (S9)', () => {
    const sync = storyNamed('User sync');
    if (sync === undefined) throw new Error('no User sync');
    dispatch((t) =>
      recordStoryRun(
        t,
        sync.id,
        sync.actions.map((action, i) => ({
          actionId: action.id,
          status: i === 0 ? 200 : 401,
          rule: 'auth.valid',
        })),
      ),
    );
    dispatch((t) => changeStatus(t, 'account_deleted', accountNamed(t, 'Jane Tino').id));
    render(<StoriesView />);
    expect(row('User sync')).toHaveTextContent(
      sync.actions.length === 1
        ? '200'
        : `200, ${Array(sync.actions.length - 1)
            .fill('401')
            .join(', ')}`,
    );
    expect(row('SecOps audit digest')).toHaveTextContent('(unresolved)');
  });

  it('runs a story through the API with its credential resolved now, and logs each action’s status and rule', async () => {
    const user = userEvent.setup();
    render(<StoriesView />);
    const before = logged().length;
    await user.click(screen.getByRole('button', { name: 'Run story User sync' }));
    await waitFor(() => expect(lastRunCell('User sync')).toHaveTextContent('200, 200'));
    expect(sent).toEqual(['GET /api/v1/admin/users', 'GET /api/v1/teams/team_automation/members']);
    const run = logged().at(-1);
    expect(logged()).toHaveLength(before + 1);
    expect(run).toMatchObject({
      type: 'story_run_recorded',
      results: [
        { status: 200, rule: 'perm.owner-access' },
        { status: 200, rule: 'perm.owner-access' },
      ],
    });
    const details = screen.getByRole('region', { name: 'Last run of User sync' });
    expect(
      within(details).getByRole('rowheader', { name: 'Fetch users' }).closest('tr'),
    ).toHaveTextContent('Fetch users200perm.owner-access');
    // Answers that succeed are folded; the emitted event is there to open.
    for (const summary of within(details).getAllByText(/Emitted event of/, {
      selector: 'summary',
    })) {
      expect(summary.closest('details')).not.toHaveAttribute('open');
    }
  });

  it('shows a 401 as the action’s emitted event, with the key’s reason code, once Jane is deactivated', async () => {
    dispatch((t) => changeStatus(t, 'account_deactivated', accountNamed(t, 'Jane Tino').id));
    const user = userEvent.setup();
    render(<StoriesView />);
    await user.click(screen.getByRole('button', { name: 'Run story User sync' }));
    await waitFor(() => expect(lastRunCell('User sync')).toHaveTextContent('401, 401'));
    const details = screen.getByRole('region', { name: 'Last run of User sync' });
    const fold = [...details.querySelectorAll('summary')]
      .find((summary) => summary.textContent === 'Emitted event of Fetch users (401)')
      ?.closest('details');
    expect(fold).toHaveAttribute('open');
    const emitted = fold?.querySelector('pre') as HTMLElement;
    const event = JSON.parse(emitted.textContent ?? '');
    expect(event.status).toBe(401);
    expect(event.body.error.code).toBe('OWNER_DEACTIVATED');
    expect(event.headers['x-simulator-rule']).toBe('auth.personal-owner-deactivated');
    expect(details).toHaveTextContent('OWNER_DEACTIVATED');
  });

  it('does not send an action whose credential no longer resolves, and says why', async () => {
    dispatch((t) => changeStatus(t, 'account_deleted', accountNamed(t, 'Jane Tino').id));
    const user = userEvent.setup();
    render(<StoriesView />);
    await user.click(screen.getByRole('button', { name: 'Run story SecOps audit digest' }));
    await waitFor(() => expect(lastRunCell('SecOps audit digest')).toHaveTextContent('not sent'));
    expect(sent).toEqual([]);
    expect(
      screen.getByRole('region', { name: 'Last run of SecOps audit digest' }),
    ).toHaveTextContent('Deleted with its owner’s drafts');
  });

  it('runs every story with Run all, each as its own event, showing which one runs', async () => {
    const user = userEvent.setup();
    render(<StoriesView />);
    const before = logged().length;
    const stories = screen.getAllByRole('button', { name: /^Run story / }).length;
    const release = holdRequests();
    await user.click(screen.getByRole('button', { name: 'Run all' }));
    const progress = await screen.findByRole('progressbar', { name: 'Running stories' });
    expect(progress).toHaveAttribute('value', '0');
    expect(screen.getByText(`Story 1 of ${stories}: User sync`)).toBeInTheDocument();
    // One run at a time: the other Run story buttons wait.
    expect(screen.getByRole('button', { name: 'Run story Audit export' })).toBeDisabled();
    release();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Run all' })).toBeInTheDocument(),
    );
    const runs = logged().slice(before);
    expect(runs).toHaveLength(stories);
    expect(runs.every((event) => event.type === 'story_run_recorded')).toBe(true);
    for (const cell of screen
      .getAllByRole('row')
      .flatMap((r) => [...r.querySelectorAll('[data-last-run]')])) {
      expect(cell.textContent).toMatch(/^200(, 200)*$/);
    }
  });

  it('stops Run all at Cancel, keeping the runs already logged', async () => {
    const user = userEvent.setup();
    render(<StoriesView />);
    const before = logged().length;
    const release = holdRequests();
    await user.click(screen.getByRole('button', { name: 'Run all' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    release();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Run all' })).toBeInTheDocument(),
    );
    // The story running at Cancel finishes and is logged; none after it starts.
    expect(logged().length - before).toBe(1);
    expect(logged().at(-1)).toMatchObject({
      type: 'story_run_recorded',
      storyId: storyNamed('User sync')?.id,
    });
  });

  it('refuses to run while the console shows an earlier moment, and logs nothing', async () => {
    act(() => useTenantStore.getState().goTo(logged().length - 1));
    const user = userEvent.setup();
    render(<StoriesView />);
    const before = logged();
    await user.click(screen.getByRole('button', { name: 'Run story User sync' }));
    await waitFor(() =>
      expect(useTenantStore.getState().notice?.message).toMatch(/earlier moment.*to run stories/),
    );
    expect(logged()).toBe(before);
    expect(sent).toEqual([]);
  });

  it('hides a run’s statuses while a prediction round hides verdicts', async () => {
    const sync = storyNamed('User sync');
    if (sync === undefined) throw new Error('no User sync');
    dispatch((t) =>
      recordStoryRun(
        t,
        sync.id,
        sync.actions.map((a) => ({ actionId: a.id, status: 401, rule: 'x' })),
      ),
    );
    usePresenter.setState({ enabled: true, hideLiveVerdicts: true, roundOpen: true });
    render(<StoriesView />);
    expect(lastRunCell('User sync')).toHaveTextContent('hidden until reveal');
    expect(row('User sync')).not.toHaveTextContent('401');
  });
});
