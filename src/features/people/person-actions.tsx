import { useMemo, useRef, useState } from 'react';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { changeStatus, reinviteAccount } from '../../core/commands';
import { evaluateKey } from '../../core/key-verdict';
import { type Account, keysCreatedBy, type Tenant } from '../../core/model';
import { runStage } from '../../core/what-if';
import { useTenantStore } from '../../store/tenant-store';
import { useAccount, useTenant } from '../../store/use-tenant';
import { EditRolesDialog } from './edit-roles-dialog';
import type { PersonRow } from './people-rows';

/** Keys of this account that answer 200 now and would answer 401 once it is deleted. */
function keysBrokenByDeleting(tenant: Tenant, account: Account): string[] {
  const outcome = runStage(tenant, account.id, 'deleted');
  if (!outcome.reachable) return [];
  const broken: string[] = [];
  for (const key of keysCreatedBy(tenant, account.id)) {
    const before = evaluateKey(tenant, key.id).status;
    const after = evaluateKey(outcome.tenant, key.id).status;
    if (before === 200 && after === 401) broken.push(key.name);
  }
  return broken;
}

function DeleteAccountDialog({
  account,
  onConfirm,
  onClose,
}: {
  account: Account;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const tenant = useTenant();
  const broken = useMemo(() => keysBrokenByDeleting(tenant, account), [tenant, account]);
  return (
    <Dialog
      title={`Delete ${account.name}'s account?`}
      onClose={onClose}
      description={
        <>
          <p>
            {broken.length === 0
              ? 'No key of this account stops working.'
              : `These keys will answer 401 and stay broken even if ${account.name} is re-invited: ${broken.join(', ')}.`}
          </p>
          <p className="mt-2">
            Team, service and tenant owner keys created by {account.name} keep working. A deleted
            account cannot be reactivated; re-inviting creates a new account.
          </p>
        </>
      }
    >
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="danger" onClick={onConfirm}>
          Delete
        </Button>
      </div>
    </Dialog>
  );
}

function focusAccountRow(accountId: string): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(`[data-account-id="${accountId}"] button`)?.focus();
  });
}

export function PersonActions({ row }: { row: PersonRow }) {
  const dispatch = useTenantStore((s) => s.dispatch);
  const [confirming, setConfirming] = useState(false);
  const [editingRoles, setEditingRoles] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const account = useAccount(row.accountId);

  // The clicked button disappears once the status changes: keep keyboard users in the row.
  const focusRow = () =>
    requestAnimationFrame(() => container.current?.querySelector('button')?.focus());

  const run = (type: Parameters<typeof changeStatus>[1]) => {
    const result = dispatch((tenant) => changeStatus(tenant, type, row.accountId));
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
        <Button size="sm" onClick={() => run('account_deactivated')}>
          Deactivate
        </Button>
      ) : null}
      {account.status === 'deactivated' ? (
        <Button size="sm" onClick={() => run('account_reactivated')}>
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
          onClick={() => {
            let newAccountId = '';
            const result = dispatch((tenant) => {
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
        <EditRolesDialog account={account} onClose={() => setEditingRoles(false)} />
      ) : null}
      {confirming ? (
        <DeleteAccountDialog
          account={account}
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            run('account_deleted');
          }}
        />
      ) : null}
    </div>
  );
}
