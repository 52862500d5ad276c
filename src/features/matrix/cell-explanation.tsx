import { RuleLine, RuleSourceLine } from '../../components/rule-explanation';
import { usageIndex } from '../../core/automation/impact';
import { describeEvent } from '../../core/describe';
import { VERDICT_LABELS } from '../../core/key-verdict';
import type { Tenant } from '../../core/model';
import { placeName } from '../../core/place';
import { ruleOf } from '../../core/rule-texts';
import { runStage, type WhatIfRow } from '../../core/what-if';
import type { MatrixCell, MatrixColumnId } from './matrix-cells';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The credentials that hold the key, and what uses each: where a verdict does its harm (the
 * chain key → credential → action → story).
 */
function HeldBy({ tenant, keyId }: { tenant: Tenant; keyId: string }) {
  const { holdersOf, usersOf } = usageIndex(tenant);
  const holders = (holdersOf.get(keyId) ?? []).flatMap((id) => {
    const credential = tenant.credentials.get(id);
    return credential === undefined ? [] : [credential];
  });
  if (holders.length === 0) return <p>No credential holds this key.</p>;
  return (
    <div>
      Held by:
      <ul aria-label="Credentials holding this key" className="list-disc pl-6">
        {holders.map((credential) => {
          const users = usersOf.get(credential.id) ?? [];
          const stories = new Set(users.map((user) => user.story.id)).size;
          return (
            <li key={credential.id}>
              <bdi>{credential.name}</bdi> (<bdi>{placeName(tenant, credential)}</bdi>): used by{' '}
              {count(users.length, 'action', 'actions')} in {count(stories, 'story', 'stories')}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Why a cell says what it says: the rule, its reason code, its source, and what was applied. */
export function CellExplanation({
  tenant,
  row,
  column,
  columnLabel,
  cell,
}: {
  tenant: Tenant;
  row: WhatIfRow;
  column: MatrixColumnId;
  columnLabel: string;
  cell: MatrixCell;
}) {
  // The stage's events are run again for the one cell being explained; the matrix keeps none.
  const steps =
    column === 'now'
      ? []
      : runStage(tenant, row.key.createdBy, column).events.map((event) =>
          describeEvent(tenant, event),
        );
  return (
    <div className="flex flex-col gap-2 text-sm">
      <h3 className="font-semibold">
        {row.key.name} — {columnLabel}:{' '}
        {cell.kind === 'verdict'
          ? `${cell.verdict.status} ${VERDICT_LABELS[cell.verdict.code]}`
          : 'not reachable'}
      </h3>
      {cell.kind === 'verdict' ? (
        <>
          <RuleLine rule={ruleOf(cell.verdict.rule)} code={cell.verdict.code} />
          <RuleSourceLine source={ruleOf(cell.verdict.rule).source} />
        </>
      ) : (
        <p>{cell.reason}</p>
      )}
      <HeldBy tenant={tenant} keyId={row.key.id} />
      {column === 'now' ? (
        <p className="text-slate-600 dark:text-slate-400">
          The key’s verdict in the tenant as it is now.
        </p>
      ) : steps.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">
          The creator is already at this stage: nothing was applied.
        </p>
      ) : (
        <div className="text-slate-600 dark:text-slate-400">
          Computed by applying to a copy of the tenant:
          <ol className="list-decimal pl-6">
            {steps.map((step, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps are a fixed sequence
              <li key={index}>{step}</li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
