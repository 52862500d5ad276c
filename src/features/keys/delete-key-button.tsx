import { useState } from 'react';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { deleteKey } from '../../core/commands';
import type { ApiKey } from '../../core/model';
import { useTenantStore } from '../../store/tenant-store';

export function DeleteKeyButton({ apiKey }: { apiKey: ApiKey }) {
  const dispatch = useTenantStore((s) => s.dispatch);
  const [confirming, setConfirming] = useState(false);
  if (apiKey.revokedAt !== null)
    return <span className="text-slate-600 text-xs dark:text-slate-400">Deleted</span>;
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
        Delete key
      </Button>
      {confirming ? (
        <Dialog
          title={`Delete the key "${apiKey.name}"?`}
          description="Requests with its secret will answer 401 from now on. This cannot be undone."
          onClose={() => setConfirming(false)}
        >
          <div className="flex justify-end gap-2">
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
            <Button
              variant="danger"
              onClick={() => {
                setConfirming(false);
                dispatch((tenant) => deleteKey(tenant, apiKey.id));
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
