import { useMemo, useRef } from 'react';
import { useGridNavigation } from '../../components/use-grid-navigation';
import { useVirtualRows } from '../../components/use-virtual-rows';
import { SCOPE_LABELS, type TeamId, type Tenant } from '../../core/model';
import { authorize, type Decision } from '../../core/permissions';
import {
  decisionLabel,
  operationFor,
  PERMISSION_COLUMNS,
  permissionCellId,
} from './permission-cells';
import { PermissionExplanation } from './permission-explanation';

const HEADER_ROWS = 1;
const STICKY = 'sticky top-0 z-10 bg-white dark:bg-slate-900';

const STATUS_STYLES = {
  200: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  401: 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100',
  403: 'bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
} as const;

/** The icon repeats the status; the code and label say it in text. */
const STATUS_ICONS = { 200: '✓', 401: '✕', 403: '⊘' } as const;

function DecisionContent({ decision }: { decision: Decision }) {
  return (
    <>
      <span aria-hidden="true">{STATUS_ICONS[decision.status]}</span> {decision.status}
      <span className="block font-normal text-[0.7rem]">{decisionLabel(decision)}</span>
    </>
  );
}

/**
 * Keys x requests -> 200 / 401 / 403, decided by `authorize`. Cells are computed only for the
 * rows in the page: a large tenant's matrix is virtualised and never evaluated whole.
 */
export function PermissionMatrix({
  tenant,
  teamId,
  describedBy,
}: {
  tenant: Tenant;
  teamId: TeamId;
  /** The id of the help text above the matrix. */
  describedBy: string;
}) {
  const keys = useMemo(() => [...tenant.keys.values()], [tenant.keys]);
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows(keys.length, scrollRef, 52);
  const grid = useGridNavigation(tableRef, keys.length, PERMISSION_COLUMNS.length, virtual);

  const creatorName = (accountId: string) => tenant.accounts.get(accountId)?.name ?? accountId;
  const teamName = tenant.teams.get(teamId)?.name ?? teamId;

  const explainedKey = grid.explained === null ? undefined : keys[grid.explained.row];
  const explainedColumn =
    grid.explained === null ? undefined : PERMISSION_COLUMNS[grid.explained.column];
  const explainedOperation =
    explainedKey === undefined || explainedColumn === undefined
      ? undefined
      : operationFor(explainedColumn.id, explainedKey, teamId);

  return (
    <>
      <div
        ref={scrollRef}
        className={virtual.enabled ? 'max-h-[70vh] overflow-auto' : 'overflow-x-auto'}
      >
        <table
          ref={tableRef}
          aria-label="Permission matrix"
          aria-describedby={describedBy}
          aria-rowcount={virtual.enabled ? keys.length + HEADER_ROWS : undefined}
          onKeyDown={grid.onKeyDown}
          className="w-full border-collapse text-left text-sm"
        >
          <thead>
            <tr
              aria-rowindex={virtual.enabled ? 1 : undefined}
              className="border-slate-200 border-b dark:border-slate-700"
            >
              <th scope="col" className={`${STICKY} px-2 py-2`}>
                Key
              </th>
              {PERMISSION_COLUMNS.map((column) => (
                <th
                  key={column.id}
                  scope="col"
                  className={`${STICKY} whitespace-nowrap px-2 py-2 text-center font-mono text-xs`}
                >
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {keys.length === 0 ? (
              <tr>
                <td
                  colSpan={PERMISSION_COLUMNS.length + 1}
                  className="px-2 py-6 text-center text-slate-600"
                >
                  No keys yet. Create one with “Create key”.
                </td>
              </tr>
            ) : null}
            {virtual.paddingTop > 0 ? <tr style={{ height: virtual.paddingTop }} /> : null}
            {virtual.indexes.map((rowIndex) => {
              const key = keys[rowIndex];
              if (key === undefined) return null;
              return (
                <tr
                  key={key.id}
                  ref={virtual.measure}
                  data-index={rowIndex}
                  aria-rowindex={virtual.enabled ? rowIndex + HEADER_ROWS + 1 : undefined}
                  className="border-slate-100 border-b dark:border-slate-800"
                >
                  <th scope="row" className="px-2 py-1.5 font-normal">
                    <span className="font-medium">{key.name}</span>
                    <span className="block text-slate-600 text-xs dark:text-slate-400">
                      {SCOPE_LABELS[key.scope]} · {creatorName(key.createdBy)}
                    </span>
                  </th>
                  {PERMISSION_COLUMNS.map((column, columnIndex) => {
                    const decision = authorize(
                      tenant,
                      key.id,
                      operationFor(column.id, key, teamId),
                    );
                    return (
                      <td
                        key={column.id}
                        data-testid={`perm-${permissionCellId(key.id, column.id)}`}
                        data-row-index={rowIndex}
                        data-column-index={columnIndex}
                        data-status={decision.status}
                        className="p-0.5 text-center"
                      >
                        <button
                          type="button"
                          {...grid.cellProps(rowIndex, columnIndex)}
                          className={`w-full whitespace-nowrap rounded px-1 py-1 font-semibold ${
                            STATUS_STYLES[decision.status]
                          } ${
                            grid.isExplained(rowIndex, columnIndex)
                              ? 'ring-2 ring-blue-600 dark:ring-blue-400'
                              : ''
                          }`}
                        >
                          <DecisionContent decision={decision} />
                        </button>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {virtual.paddingBottom > 0 ? <tr style={{ height: virtual.paddingBottom }} /> : null}
          </tbody>
        </table>
      </div>
      <section
        aria-label="Permission explanation"
        className="rounded-md border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-950"
      >
        {explainedKey === undefined ||
        explainedColumn === undefined ||
        explainedOperation === undefined ? (
          <p className="text-slate-600 text-sm dark:text-slate-400">
            Focus or click a cell to see the rule behind it.
          </p>
        ) : (
          <PermissionExplanation
            apiKey={explainedKey}
            creatorName={creatorName(explainedKey.createdBy)}
            columnLabel={explainedColumn.label}
            operation={explainedOperation}
            teamName={
              explainedOperation.kind === 'team_members' ||
              explainedOperation.kind === 'create_story'
                ? teamName
                : null
            }
            decision={authorize(tenant, explainedKey.id, explainedOperation)}
          />
        )}
      </section>
    </>
  );
}
