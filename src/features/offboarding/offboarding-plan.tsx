import { useCallback, useMemo, useState } from 'react';
import { Button } from '../../components/button';
import { downloadText } from '../../components/download-file';
import { IsolatedNames } from '../../components/isolated-names';
import { formatCount } from '../../components/search-box';
import { applyFixes, fixEvents } from '../../core/automation/advisor';
import { impactOf, type LifecycleChange } from '../../core/automation/impact';
import {
  exportPlan,
  type PlanActionRow,
  type PlanCredentialRow,
  type PlanExportFormat,
  type PlanFixRow,
  type PlanKeyRow,
  type PlanStoryRow,
  type PlanTeamRow,
  planChain,
  planFixes,
} from '../../core/automation/plan-export';
import type { LinePart } from '../../core/describe';
import type { TenantEvent } from '../../core/events';
import type { AccountId, Tenant } from '../../core/model';
import { type DispatchResult, useTenantStore } from '../../store/tenant-store';
import { useTenant } from '../../store/use-tenant';
import { useLiveVerdictsHidden, VERDICT_HIDDEN } from '../presenter/use-presenter';
import { DeletePeopleDialog } from './delete-people-dialog';
import {
  ACTION_COLUMNS,
  CREDENTIAL_COLUMNS,
  getFixColumns,
  KEY_COLUMNS,
  STORY_COLUMNS,
  TEAM_COLUMNS,
} from './plan-columns';
import { PlanTable } from './plan-table';
import { useAdvisedFixes } from './use-advised-fixes';

/** The id of the plan's summary line: focus goes there after a fix or the change. */
export const PLAN_SUMMARY_ID = 'offboarding-plan-summary';

const keyId = (row: PlanKeyRow) => row.keyId;
const keyProps = (row: PlanKeyRow) => ({ 'data-key-id': row.keyId });
const credentialId = (row: PlanCredentialRow) => row.credentialId;
const credentialProps = (row: PlanCredentialRow) => ({ 'data-credential-id': row.credentialId });
const actionId = (row: PlanActionRow) => row.id;
const actionProps = (row: PlanActionRow) => ({
  'data-story-id': row.storyId,
  'data-action-id': row.actionId,
});
const storyId = (row: PlanStoryRow) => row.storyId;
const storyProps = (row: PlanStoryRow) => ({ 'data-story-id': row.storyId });
const teamId = (row: PlanTeamRow) => row.team;
const teamProps = (row: PlanTeamRow) => ({ 'data-team': row.team });
const fixId = (row: PlanFixRow) => row.credentialId;
const fixProps = (row: PlanFixRow) => ({ 'data-fix-for': row.credentialId });

const EXPORTS: ReadonlyArray<{ readonly format: PlanExportFormat; readonly label: string }> = [
  { format: 'markdown', label: 'Download plan as Markdown' },
  { format: 'csv', label: 'Download plan as CSV' },
];

function focusSummary(): void {
  requestAnimationFrame(() => document.getElementById(PLAN_SUMMARY_ID)?.focus());
}

/** The log up to the cursor: what made the tenant shown (the advisor asks the API with it). */
function useLogInEffect(): readonly TenantEvent[] {
  const events = useTenantStore((s) => s.events);
  const cursor = useTenantStore((s) => s.cursor);
  return useMemo(() => events.slice(0, cursor), [events, cursor]);
}

function dispatchAllSafely(commands: (tenant: Tenant) => readonly TenantEvent[]): DispatchResult {
  try {
    return useTenantStore.getState().dispatchAll(commands);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * `dispatchAll`, unless the change would drop more than one undone event after the cursor (the
 * timeline's redo branch): then only once the person agrees, as every change asks (app/asking).
 */
async function dispatchAllAsking(
  commands: (tenant: Tenant) => readonly TenantEvent[],
): Promise<DispatchResult> {
  const { events, cursor } = useTenantStore.getState();
  if (events.length - cursor < 2) return dispatchAllSafely(commands);
  const { askThenChange } = await import('../../app/asking');
  return askThenChange(() => dispatchAllSafely(commands));
}

const people = (n: number) => `${formatCount(n)} ${n === 1 ? 'person' : 'people'}`;

/**
 * The plan for `accountIds` (in tenant order) and `change`: what breaks at each level, the fixes,
 * and the change itself. Recomputed from the tenant whenever it, the people or the change move,
 * so after the fixes are applied the same plan says that nothing breaks.
 */
export function OffboardingPlan({
  accountIds,
  change,
  updating,
}: {
  accountIds: readonly AccountId[];
  change: LifecycleChange;
  /** The picked people changed and this plan is still the previous one. */
  updating: boolean;
}) {
  const tenant = useTenant();
  const events = useLogInEffect();
  const hidden = useLiveVerdictsHidden();
  const [message, setMessage] = useState<readonly LinePart[] | null>(null);
  const [confirming, setConfirming] = useState(false);

  const impact = useMemo(
    () => (accountIds.length === 0 ? null : impactOf(tenant, events, accountIds, change)),
    [tenant, events, accountIds, change],
  );
  const chain = useMemo(
    () => (impact === null ? null : planChain(tenant, impact)),
    [tenant, impact],
  );
  // While verdicts are hidden the fixes are not worked out: they would name what breaks.
  const advised = useAdvisedFixes(tenant, events, hidden ? null : impact);
  const fixRows = useMemo(() => planFixes(tenant, advised.fixes), [tenant, advised.fixes]);

  const run = useCallback(
    async (commands: (tenant: Tenant) => readonly TenantEvent[], done: readonly LinePart[]) => {
      const result = await dispatchAllAsking(commands);
      setMessage(result.ok ? done : [`Nothing was changed: ${result.reason}`]);
      if (result.ok) focusSummary();
    },
    [],
  );

  const fixes = advised.fixes;
  const applyOne = useCallback(
    (row: PlanFixRow) => {
      const fix = fixes.find((each) => each.credentialId === row.credentialId);
      if (fix === undefined) return;
      run(
        (current) => fixEvents(current, fix),
        [
          'Applied the fix for ',
          { name: row.credential },
          `: ${row.key.charAt(0).toLowerCase()}${row.key.slice(1)}, made by `,
          { name: row.creator ?? '' },
          '.',
        ],
      );
    },
    [fixes, run],
  );
  const fixColumns = useMemo(() => getFixColumns(applyOne), [applyOne]);

  if (accountIds.length === 0 || impact === null || chain === null) {
    return (
      <p id={PLAN_SUMMARY_ID} tabIndex={-1} className="text-slate-700 text-sm dark:text-slate-300">
        Pick at least one person to see what the change would break.
      </p>
    );
  }

  const makeable = advised.fixes.filter((fix) => fix.creator !== null);
  const reached = new Set(
    impact.events.map((event) => ('accountId' in event ? event.accountId : '')),
  );
  const names = chain.people
    .filter((person) => reached.has(person.accountId))
    .map((person) => person.name);
  const makeChange = () =>
    run(
      (current) => impactOf(current, [], accountIds, change).events,
      [
        `${change === 'deactivate' ? 'Deactivated' : 'Deleted'} `,
        ...(names.length === 1 ? [{ name: names[0] as string }] : [people(names.length)]),
        '.',
      ],
    );

  const download = (format: PlanExportFormat) => {
    const file = exportPlan(format, {
      tenant: { name: tenant.name, domain: tenant.domain },
      ...chain,
      fixes: fixRows,
    });
    downloadText(file.fileName, file.text, file.mimeType);
    setMessage([`Downloaded ${file.fileName}`]);
  };
  const exportBlocked = hidden
    ? `Exports ${VERDICT_HIDDEN}`
    : advised.done
      ? null
      : 'Exports wait for the fixes';

  return (
    <div
      className="flex min-w-0 flex-col gap-4"
      aria-busy={updating || !advised.done}
      data-advised-by={advised.by ?? undefined}
    >
      {hidden ? (
        <p id={PLAN_SUMMARY_ID} tabIndex={-1} className="text-sm">
          The plan for this change and its fixes are {VERDICT_HIDDEN}.
        </p>
      ) : (
        <p
          id={PLAN_SUMMARY_ID}
          tabIndex={-1}
          aria-live="polite"
          className={`text-sm ${chain.clear ? '' : 'font-medium'}`}
        >
          <span aria-hidden="true">{chain.clear ? '✓ ' : '✕ '}</span>
          <IsolatedNames parts={chain.summary} />
          {updating ? ' (updating…)' : null}
        </p>
      )}

      {hidden ? null : (
        <p className="text-slate-700 text-sm dark:text-slate-300">
          Read it along the chain: a key that answers 401 breaks the credentials that hold it; a
          credential that breaks (or goes with its owner’s drafts) fails the actions that use it;
          those actions’ stories are affected.
        </p>
      )}

      {chain.refused.length === 0 ? null : (
        <div className="flex flex-col gap-1">
          <h4 className="font-semibold text-sm" id="offboarding-refused-heading">
            Not reachable by this change ({chain.refused.length})
          </h4>
          <ul aria-labelledby="offboarding-refused-heading" className="list-disc pl-5 text-sm">
            {chain.refused.map((person) => (
              <li key={person.accountId} data-account-id={person.accountId}>
                <bdi>{person.name}</bdi> (<bdi>{person.email}</bdi>): {person.reason}
              </li>
            ))}
          </ul>
        </div>
      )}

      {hidden ? null : (
        <>
          <PlanTable
            title="Keys that answer 401"
            columns={KEY_COLUMNS}
            rows={chain.keys}
            getRowId={keyId}
            rowProps={keyProps}
            empty="No key stops working."
          />
          <PlanTable
            title="Credentials that break"
            columns={CREDENTIAL_COLUMNS}
            rows={chain.credentials}
            getRowId={credentialId}
            rowProps={credentialProps}
            empty="No credential breaks."
          />
          <PlanTable
            title="Actions that fail"
            columns={ACTION_COLUMNS}
            rows={chain.actions}
            getRowId={actionId}
            rowProps={actionProps}
            empty="No action fails."
          />
          <PlanTable
            title="Stories affected"
            columns={STORY_COLUMNS}
            rows={chain.stories}
            getRowId={storyId}
            rowProps={storyProps}
            empty="No story is affected."
          />
          <PlanTable
            title="Counts per team"
            columns={TEAM_COLUMNS}
            rows={chain.perTeam}
            getRowId={teamId}
            rowProps={teamProps}
            empty="Nothing to count: no team loses anything."
          />
          <div className="flex flex-col gap-2">
            <PlanTable
              title="Proposed fixes"
              columns={fixColumns}
              rows={fixRows}
              getRowId={fixId}
              rowProps={fixProps}
              empty={advised.done ? 'No fix needed: no action fails.' : 'Working out the fixes…'}
            />
            {advised.done ? null : (
              <p role="status" className="text-slate-700 text-sm dark:text-slate-300">
                {advised.fixes.length === 0
                  ? `Working out the fixes for ${formatCount(advised.total)} ${advised.total === 1 ? 'credential' : 'credentials'}…`
                  : `Working out the fixes: ${formatCount(advised.fixes.length)} of ${formatCount(advised.total)}…`}
              </p>
            )}
            <div className="flex flex-wrap items-center gap-2">
              <Button
                variant="primary"
                disabled={!advised.done || makeable.length === 0}
                className="disabled:opacity-60"
                onClick={() =>
                  run(
                    (current) => applyFixes(current, [], makeable).events,
                    [`Applied ${makeable.length} ${makeable.length === 1 ? 'fix' : 'fixes'}.`],
                  )
                }
              >
                Apply all fixes
              </Button>
              {advised.done && makeable.length < advised.fixes.length ? (
                <span className="text-sm">
                  {advised.fixes.length - makeable.length} of {advised.fixes.length} fixes have no
                  one who may make them.
                </span>
              ) : null}
            </div>
          </div>
        </>
      )}

      <div className="flex flex-wrap items-center gap-2 border-slate-200 border-t pt-3 dark:border-slate-800">
        <Button
          variant={change === 'delete' ? 'danger' : 'secondary'}
          disabled={chain.nothingToDo}
          className="disabled:opacity-60"
          onClick={() => (change === 'delete' ? setConfirming(true) : makeChange())}
        >
          Make the change
        </Button>
        <span className="text-slate-700 text-sm dark:text-slate-300">
          {chain.nothingToDo
            ? 'Nothing left to change for the people picked.'
            : `${change === 'deactivate' ? 'Deactivates' : 'Deletes'} ${people(impact.events.length)}.`}
        </span>
        {/* A fieldset is the native group; its legend names it for assistive technology. */}
        <fieldset className="flex flex-wrap items-center gap-2 sm:ml-auto">
          <legend className="sr-only">Export the plan</legend>
          {EXPORTS.map(({ format, label }) => (
            <Button
              key={format}
              size="sm"
              disabled={exportBlocked !== null}
              className="disabled:opacity-60"
              onClick={() => download(format)}
            >
              {label}
            </Button>
          ))}
          {exportBlocked === null ? null : (
            <span className="text-slate-600 text-xs dark:text-slate-400">{exportBlocked}</span>
          )}
        </fieldset>
      </div>
      <p role="status" className="text-sm">
        {message === null ? null : <IsolatedNames parts={message} />}
      </p>

      {confirming ? (
        <DeletePeopleDialog
          names={names}
          failing={hidden ? null : chain.actions.length}
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            makeChange();
          }}
        />
      ) : null}
    </div>
  );
}
