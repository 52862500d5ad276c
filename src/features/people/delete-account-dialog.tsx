import { useMemo } from 'react';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { IsolatedNames } from '../../components/isolated-names';
import { evaluateKey } from '../../core/key-verdict';
import { type Account, keysCreatedBy, type Tenant } from '../../core/model';
import { runStage } from '../../core/what-if';
import { useTenant } from '../../store/use-tenant';
import { useLiveVerdictsHidden, VERDICT_HIDDEN } from '../presenter/use-presenter';

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

export function DeleteAccountDialog({
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
  // A what-if answer: while a prediction round hides the verdicts, this hides it too.
  const hidden = useLiveVerdictsHidden();
  return (
    <Dialog
      title={
        <>
          Delete <bdi>{account.name}</bdi>'s account?
        </>
      }
      onClose={onClose}
      description={
        <>
          <p>
            {hidden ? (
              `What this does to the keys is ${VERDICT_HIDDEN}.`
            ) : broken.length === 0 ? (
              'No key of this account stops working.'
            ) : (
              <IsolatedNames
                parts={[
                  'These keys will answer 401 and stay broken even if ',
                  { name: account.name },
                  ' is re-invited: ',
                  ...broken.flatMap((name, index) => [index === 0 ? '' : ', ', { name }]),
                  '.',
                ]}
              />
            )}
          </p>
          <p className="mt-2">
            {hidden ? null : (
              <>
                Team, service and tenant owner keys created by <bdi>{account.name}</bdi> keep
                working.{' '}
              </>
            )}
            A deleted account cannot be reactivated; re-inviting creates a new account.
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
