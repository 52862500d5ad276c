import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { changeStatus } from '../../core/commands';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { answerEveryQuestion } from '../../test/answer-questions';
import { RequestConsole } from '../api-console/request-console';
import { CreateKeyDialog } from '../keys/create-key-dialog';
import { KeysTable } from '../keys/keys-table';
import { useLessonStore } from '../lessons/lesson-store';
import { ValidityMatrix } from '../matrix/validity-matrix';
import { usePredictStore } from '../predict/use-predict-store';
import { PresenterToggle } from './presenter-controls';
import { PresenterToolbar } from './presenter-toolbar';
import { usePresenter } from './use-presenter';

function janeId(): string {
  const tenant = selectTenant(useTenantStore.getState());
  const jane = [...tenant.accounts.values()].find((account) => account.name === 'Jane Tino');
  if (jane === undefined) throw new Error('no Jane Tino');
  return jane.id;
}

/** The header's presenter controls: the toolbar is there while the mode is on (AppHeader). */
function Header() {
  const enabled = usePresenter((s) => s.enabled);
  return (
    <>
      <PresenterToggle />
      {enabled ? <PresenterToolbar /> : null}
    </>
  );
}

function matrixCell(keyName: string, column: 'now' | 'deactivated'): HTMLElement {
  const row = within(screen.getByRole('table', { name: 'Validity matrix' }))
    .getByRole('rowheader', { name: new RegExp(`^${keyName}`) })
    .closest('tr');
  const cell = row?.querySelector<HTMLElement>(`td[data-testid$=":${column}"]`);
  if (cell == null) throw new Error(`${keyName} / ${column}`);
  return cell;
}

function keysVerdict(keyName: string): HTMLElement {
  const row = within(screen.getByRole('table', { name: 'Keys' }))
    .getByRole('rowheader', { name: keyName })
    .closest('tr');
  const cell = row?.querySelectorAll('td')[4];
  if (cell === undefined) throw new Error(keyName);
  return cell;
}

describe('Presenter mode', () => {
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
    usePresenter.setState({ enabled: false, hideLiveVerdicts: false, checkpoint: null });
    usePredictStore.getState().resetScore();
    document.documentElement.classList.remove('presenter');
  });

  it('is a pressed switch that raises the type and shows the presenter tools', async () => {
    const user = userEvent.setup();
    render(<Header />);
    const toggle = screen.getByRole('button', { name: 'Presenter mode' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByRole('group', { name: 'Presenter' })).not.toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement).toHaveClass('presenter');
    expect(screen.getByRole('group', { name: 'Presenter' })).toBeInTheDocument();
    await user.click(toggle);
    expect(document.documentElement).not.toHaveClass('presenter');
  });

  it('saves a checkpoint and resets the events and the cursor to it', async () => {
    const user = userEvent.setup();
    render(<Header />);
    await user.click(screen.getByRole('button', { name: 'Presenter mode' }));
    const reset = screen.getByRole('button', { name: 'Reset to checkpoint' });
    expect(reset).toBeDisabled();

    // One step back in time, then save: the checkpoint keeps the log and the cursor.
    act(() => useTenantStore.getState().undo());
    const saved = useTenantStore.getState();
    await user.click(screen.getByRole('button', { name: 'Save checkpoint' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      `Checkpoint saved at event ${saved.cursor}`,
    );
    expect(reset).toBeEnabled();

    // A change drops the redo branch and adds an event.
    act(() => {
      useTenantStore.getState().dispatch((t) => changeStatus(t, 'account_deactivated', janeId()));
    });
    expect(useTenantStore.getState().events).not.toBe(saved.events);
    expect(useTenantStore.getState().cursor).toBe(saved.cursor + 1);

    // The change after the checkpoint is dropped once the person agrees (asked in the page).
    const stopAnswering = answerEveryQuestion(true);
    await user.click(reset);
    await waitFor(() => expect(useTenantStore.getState().events).toBe(saved.events));
    stopAnswering();
    const restored = useTenantStore.getState();
    expect(restored.events).toBe(saved.events);
    expect(restored.cursor).toBe(saved.cursor);
    expect(restored.cursor).toBe(restored.events.length - 1);
    expect(selectTenant(restored).accounts.get(janeId())?.status).toBe('active');
    expect(screen.getByRole('status')).toHaveTextContent(
      `Reset to the checkpoint saved at event ${saved.cursor}`,
    );
  });

  it('hides the request console’s secret and its Show secret button', async () => {
    const user = userEvent.setup();
    render(<RequestConsole />);
    const secret = screen.getByRole('textbox', { name: 'Secret' });
    await user.click(screen.getByRole('button', { name: 'Show secret' }));
    expect((secret as HTMLInputElement).value).toMatch(/^sim_[A-Z2-7]{32}$/);
    // Even a secret shown before presenter mode is hidden once it is on.
    act(() => usePresenter.getState().setEnabled(true));
    expect(secret).toHaveValue('hidden in presenter mode');
    expect(screen.queryByRole('button', { name: /^(Show|Hide) secret$/ })).not.toBeInTheDocument();
    // A pasted secret is typed as a password.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Key' }), 'Paste a secret…');
    expect(screen.getByLabelText('Secret')).toHaveAttribute('type', 'password');
    // The API's failure to start in jsdom is reported in a status line: let it settle.
    await waitFor(() => expect(screen.getByText(/could not start/)).toBeInTheDocument());
  });

  it('hides the new key’s secret in the Key created dialog', async () => {
    const user = userEvent.setup();
    usePresenter.getState().setEnabled(true);
    render(<CreateKeyDialog onClose={() => {}} />);
    await user.type(screen.getByRole('textbox', { name: 'Key name' }), 'Demo key');
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    const dialog = screen.getByRole('dialog', { name: 'Key created' });
    expect(within(dialog).getByRole('textbox', { name: 'Secret' })).toHaveValue(
      'hidden in presenter mode',
    );
    expect(dialog).not.toHaveTextContent(/sim_/);
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
  });

  it('hides the live verdicts while a prediction is pending and the switch is on', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Header />
        <ValidityMatrix />
        <KeysTable />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Presenter mode' }));
    const hide = screen.getByRole('button', { name: 'Hide live verdicts until reveal' });
    await user.click(hide);
    expect(hide).toHaveAttribute('aria-pressed', 'true');
    // No prediction pending yet: the verdicts show.
    expect(matrixCell('Jane personal', 'now')).toHaveAttribute('data-status', '200');

    act(() => usePredictStore.getState().choosePerson(janeId(), 'deactivate'));
    expect(matrixCell('Jane personal', 'now')).toHaveTextContent('hidden until reveal');
    expect(matrixCell('Jane personal', 'now')).not.toHaveAttribute('data-status');
    expect(keysVerdict('Jane personal')).toHaveTextContent('hidden until reveal');
    // The what-if columns would give the answer away: hidden too.
    expect(matrixCell('Jane personal', 'deactivated')).not.toHaveAttribute('data-status');
    expect(matrixCell('Jane personal', 'deactivated')).toHaveTextContent('hidden until reveal');

    // The switch off: shown again while the prediction is still pending.
    await user.click(hide);
    expect(matrixCell('Jane personal', 'now')).toHaveAttribute('data-status', '200');
    expect(keysVerdict('Jane personal')).toHaveTextContent('200 Valid');
    await user.click(hide);
    expect(matrixCell('Jane personal', 'now')).not.toHaveAttribute('data-status');

    // Revealed: the verdicts come back.
    act(() =>
      usePredictStore
        .getState()
        .reveal({ personName: 'Jane Tino', change: 'deactivate', marked: [] }),
    );
    expect(matrixCell('Jane personal', 'now')).toHaveAttribute('data-status', '200');
    expect(keysVerdict('Jane personal')).toHaveTextContent('200 Valid');

    // Presenter mode off: never hidden.
    act(() => usePredictStore.getState().nextRound());
    act(() => usePredictStore.getState().choosePerson(janeId(), 'deactivate'));
    expect(matrixCell('Jane personal', 'now')).not.toHaveAttribute('data-status');
    await user.click(screen.getByRole('button', { name: 'Presenter mode' }));
    expect(matrixCell('Jane personal', 'now')).toHaveAttribute('data-status', '200');
    // Two full tables drawn again at each step: well under a second alone, several seconds when
    // the whole suite runs in parallel on a busy machine.
  }, 15_000);
  it('hides every verdict from the moment a round opens, before anyone is picked', () => {
    render(<ValidityMatrix />);
    usePresenter.setState({ enabled: true, hideLiveVerdicts: true });
    expect(matrixCell('Jane personal', 'deactivated')).toHaveAttribute('data-status', '401');
    // Start predicting docks the round: the what-if columns would answer it already.
    act(() => useLessonStore.getState().openPrediction(false));
    expect(usePredictStore.getState().accountId).toBe('');
    expect(matrixCell('Jane personal', 'deactivated')).not.toHaveAttribute('data-status');
    expect(matrixCell('Jane personal', 'deactivated')).toHaveTextContent('hidden until reveal');
    // Closed without a reveal: nothing left to guess, the verdicts show.
    act(() => useLessonStore.getState().closePrediction());
    expect(matrixCell('Jane personal', 'deactivated')).toHaveAttribute('data-status', '401');
  });
});
