import { useCallback, useDeferredValue, useId, useMemo, useState } from 'react';
import { Section } from '../../components/section';
import type { LifecycleChange } from '../../core/automation/impact';
import { CHANGE_LABELS } from '../../core/automation/plan-export';
import type { AccountId, Tenant } from '../../core/model';
import { useTenantStore } from '../../store/tenant-store';
import { useTenant } from '../../store/use-tenant';
import { OffboardingPlan } from './offboarding-plan';
import { PeoplePicker, type SelectionUpdate } from './people-picker';

const NONE: ReadonlySet<AccountId> = new Set();
const CHANGES: readonly LifecycleChange[] = ['deactivate', 'delete'];

/** The picked accounts that exist at this moment, in invitation order (the plan's order). */
function inTenantOrder(
  accounts: Tenant['accounts'],
  selected: ReadonlySet<AccountId>,
): AccountId[] {
  const picked = [...selected].flatMap((id) => {
    const account = accounts.get(id);
    return account === undefined ? [] : [account];
  });
  picked.sort((a, b) => a.invitedAt - b.invitedAt || a.id.localeCompare(b.id));
  return picked.map((account) => account.id);
}

/**
 * Offboarding: pick who leaves and how (deactivate or delete); the plan below shows what that
 * breaks along the chain key -> credential -> action -> story, proposes a fix for each breaking
 * credential that depends on no person, applies them, then makes the change. Its own chunk.
 *
 * The picked people are this view's own state, not the log's: picking changes nothing in the
 * tenant. They belong to the scenario they were picked in (another scenario starts empty), and
 * the plan follows them a moment behind (`useDeferredValue`), so ticking a box stays prompt
 * while a plan for hundreds of people is worked out.
 */
export function OffboardingView() {
  const tenant = useTenant();
  const genesis = useTenantStore((s) => s.genesis);
  const [picked, setPicked] = useState({ genesis, ids: NONE });
  const [change, setChange] = useState<LifecycleChange>('deactivate');
  const selected = picked.genesis === genesis ? picked.ids : NONE;
  const update: SelectionUpdate = useCallback(
    (next) =>
      setPicked((current) => ({
        genesis,
        ids: next(current.genesis === genesis ? current.ids : NONE),
      })),
    [genesis],
  );
  // Only the accounts matter: a fix or a story run leaves the list as it is.
  const accounts = tenant.accounts;
  const accountIds = useMemo(() => inTenantOrder(accounts, selected), [accounts, selected]);
  const deferredIds = useDeferredValue(accountIds);
  const deferredChange = useDeferredValue(change);
  const changeName = useId();

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <Section id="offboarding-who" title="Who leaves">
        <PeoplePicker selected={selected} update={update} />
        <fieldset className="flex flex-wrap items-center gap-4">
          <legend className="mb-1 font-medium text-sm">Change</legend>
          {CHANGES.map((each) => (
            <label key={each} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={changeName}
                value={each}
                className="size-4"
                checked={change === each}
                onChange={() => setChange(each)}
              />
              {CHANGE_LABELS[each]}
            </label>
          ))}
        </fieldset>
      </Section>
      <Section id="offboarding-plan" title="Offboarding plan">
        <OffboardingPlan
          accountIds={deferredIds}
          change={deferredChange}
          updating={deferredIds !== accountIds || deferredChange !== change}
        />
      </Section>
    </div>
  );
}
