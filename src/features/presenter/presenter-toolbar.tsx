import { useState } from 'react';
import { replaceAsking } from '../../app/ask-store';
import { Button } from '../../components/button';
import { formatCount } from '../../components/search-box';
import { logOf } from '../../store/log-state';
import { useTenantStore } from '../../store/tenant-store';
import { usePresenter } from './use-presenter';

/**
 * Shown in the header while presenter mode is on (its own chunk, loaded when it is turned on): a
 * checkpoint to come back to between demos, and the switch that hides the live verdicts while a
 * prediction is pending.
 */
export function PresenterToolbar() {
  const hideLiveVerdicts = usePresenter((s) => s.hideLiveVerdicts);
  const setHideLiveVerdicts = usePresenter((s) => s.setHideLiveVerdicts);
  const checkpoint = usePresenter((s) => s.checkpoint);
  const saveCheckpoint = usePresenter((s) => s.saveCheckpoint);
  const replaceLog = useTenantStore((s) => s.replaceLog);
  const [message, setMessage] = useState('');

  const save = () => {
    const log = logOf(useTenantStore.getState());
    saveCheckpoint(log);
    setMessage(`Checkpoint saved at event ${formatCount(log.cursor)}`);
  };
  const reset = async () => {
    if (checkpoint === null) return;
    const done = await replaceAsking(
      'checkpoint',
      () => replaceLog(checkpoint.log),
      checkpoint.log.events,
    );
    if (done)
      setMessage(`Reset to the checkpoint saved at event ${formatCount(checkpoint.atEvent)}`);
  };

  return (
    <fieldset className="flex w-full flex-wrap items-center gap-2 border-slate-200 border-t pt-3 text-sm dark:border-slate-800">
      <legend className="float-left mr-1 font-medium">Presenter</legend>
      <Button onClick={save}>Save checkpoint</Button>
      <Button
        onClick={() => void reset()}
        disabled={checkpoint === null}
        className="disabled:opacity-60"
      >
        Reset to checkpoint
      </Button>
      <Button
        aria-pressed={hideLiveVerdicts}
        onClick={() => setHideLiveVerdicts(!hideLiveVerdicts)}
      >
        <span aria-hidden="true">{hideLiveVerdicts ? '●' : '○'}</span>
        Hide live verdicts until reveal
      </Button>
      <span role="status" className="text-slate-700 dark:text-slate-300">
        {message}
      </span>
    </fieldset>
  );
}
