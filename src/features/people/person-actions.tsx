import { Suspense, useRef, useState } from 'react';
import { dispatchAsking } from '../../app/ask-store';
import { Button } from '../../components/button';
import { lazyNamed } from '../../components/lazy-named';
import { changeStatus, reinviteAccount } from '../../core/lifecycle-commands';
import { useAccount } from '../../store/use-tenant';
import type { PersonRow } from './people-rows';

// The dialogs are loaded on first use (and fetched while idle after the first paint): they are
// not needed to draw the table.
const EditRolesDialog = lazyNamed(() => import('./edit-roles-dialog'), 'EditRolesDialog');
const DeleteAccountDialog = lazyNamed(
  () => import('./delete-account-dialog'),
  'DeleteAccountDialog',
);

/** Fetch the row actions' dialogs ahead of need. */
export function prefetchPersonDialogs(): Promise<unknown> {
  return Promise.all([import('./edit-roles-dialog'), import('./delete-account-dialog')]);
}

function focusAccountRow(accountId: string): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(`[data-account-id="${accountId}"] button`)?.focus();
  });
}

export function PersonActions({ row }: { row: PersonRow }) {
  const [confirming, setConfirming] = useState(false);
  const [editingRoles, setEditingRoles] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const account = useAccount(row.accountId);

  // The clicked button disappears once the status changes: keep keyboard users in the row.
  const focusRow = () =>
    requestAnimationFrame(() => container.current?.querySelector('button')?.focus());

  const run = async (type: Parameters<typeof changeStatus>[1]) => {
    const result = await dispatchAsking((tenant) => changeStatus(tenant, type, row.accountId));
    if (result.ok) focusRow();
  };

  if (row.isHistory) {
    return <span className="text-slate-600 text-xs dark:text-slate-400">History</span>;
  }
  if (account === undefined) return null;
  // The newest account of a deleted person can be re-invited.
  const canReinvite = account.status === 'deleted';

  return (
    <div ref={container} className="flex flex-wrap gap-1">
      {account.status === 'active' ? (
        <Button size="sm" onClick={() => void run('account_deactivated')}>
          Deactivate
        </Button>
      ) : null}
      {account.status === 'deactivated' ? (
        <Button size="sm" onClick={() => void run('account_reactivated')}>
          Reactivate
        </Button>
      ) : null}
      {account.status !== 'deleted' ? (
        <Button size="sm" variant="ghost" onClick={() => setEditingRoles(true)}>
          Edit roles
        </Button>
      ) : null}
      {account.status !== 'deleted' ? (
        <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
          Delete
        </Button>
      ) : null}
      {canReinvite ? (
        <Button
          size="sm"
          onClick={async () => {
            let newAccountId = '';
            const result = await dispatchAsking((tenant) => {
              const event = reinviteAccount(tenant, account.id);
              newAccountId = event.accountId;
              return event;
            });
            // This row turns into history; move focus to the new account's row.
            if (result.ok) focusAccountRow(newAccountId);
          }}
        >
          Re-invite
        </Button>
      ) : null}
      {editingRoles ? (
        <Suspense fallback={null}>
          <EditRolesDialog account={account} onClose={() => setEditingRoles(false)} />
        </Suspense>
      ) : null}
      {confirming ? (
        <Suspense fallback={null}>
          <DeleteAccountDialog
            account={account}
            onClose={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              void run('account_deleted');
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
