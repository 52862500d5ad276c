import { useRef, useState } from 'react';
import { dispatchAsking } from '../../app/ask-store';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { focusNearRow } from '../../components/focus-after';
import { deleteKey } from '../../core/commands';
import type { ApiKey } from '../../core/model';

export function DeleteKeyButton({ apiKey }: { apiKey: ApiKey }) {
  const [confirming, setConfirming] = useState(false);
  // The row the dialog was opened from: its button goes with the key, focus goes on from it.
  const row = useRef<HTMLElement | null>(null);
  if (apiKey.revokedAt !== null)
    return <span className="text-slate-600 text-xs dark:text-slate-400">Deleted</span>;
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        onClick={(event) => {
          row.current = event.currentTarget.closest('tr');
          setConfirming(true);
        }}
      >
        Delete key
      </Button>
      {confirming ? (
        <Dialog
          title={
            <>
              Delete the key "<bdi>{apiKey.name}</bdi>"?
            </>
          }
          description="Requests with its secret answer 401 from now on. Undo (the header's, or Ctrl+Z) brings the key back, as does choosing an earlier moment in the Timeline."
          onClose={() => setConfirming(false)}
        >
          <div className="flex justify-end gap-2">
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
            <Button
              variant="danger"
              onClick={async () => {
                setConfirming(false);
                if ((await dispatchAsking((tenant) => deleteKey(tenant, apiKey.id))).ok) {
                  focusNearRow(row.current);
                }
              }}
            >
              Delete key
            </Button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
