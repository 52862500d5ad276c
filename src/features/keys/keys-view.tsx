import { useState } from 'react';
import { Button } from '../../components/button';
import { CreateKeyDialog } from './create-key-dialog';
import { KeysTable } from './keys-table';

/** Keys: the table with its filters, and Create key. Its own chunk (TanStack sorting, filters). */
export function KeysView() {
  const [creating, setCreating] = useState(false);
  return (
    <div className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div>
        <Button variant="primary" onClick={() => setCreating(true)}>
          Create key
        </Button>
      </div>
      <KeysTable />
      {creating ? <CreateKeyDialog onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
