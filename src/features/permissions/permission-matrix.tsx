import { Fragment, useMemo, useRef } from 'react';
import {
  cellButtonClass,
  EmptyRow,
  ExplanationBox,
  KeyRowHeader,
  MatrixTable,
  NoCellChosen,
  SpacerRow,
} from '../../components/matrix-parts';
import { useGridNavigation } from '../../components/use-grid-navigation';
import { useVirtualRows } from '../../components/use-virtual-rows';
import type { TeamId, Tenant } from '../../core/model';
import { authorize, type Decision } from '../../core/permissions';
import { useLiveVerdictsHidden, VERDICT_HIDDEN } from '../presenter/use-presenter';
import {
  decisionLabel,
  labelParts,
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

/** A decision kept for the reveal: no colour that would give it away. */
const HIDDEN_STYLE = 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300';

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
  // Presenter mode, a prediction open: a 401 here would give the answer away, as in the matrix.
  const hidden = useLiveVerdictsHidden();

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
      <MatrixTable
        label="Permission matrix"
        describedBy={describedBy}
        rowCount={keys.length}
        headerRows={HEADER_ROWS}
        virtual={virtual}
        scrollRef={scrollRef}
        tableRef={tableRef}
        onKeyDown={grid.onKeyDown}
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
                className={`${STICKY} px-2 py-2 text-center font-mono text-xs`}
              >
                {/* Wrapped only where labelParts cuts: ten columns fit a 1280 px window. */}
                {labelParts(column.label).map((part, index) => (
                  <Fragment key={part}>
                    {index === 0 ? null : <wbr />}
                    {part}
                  </Fragment>
                ))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.length === 0 ? (
            <EmptyRow
              colSpan={PERMISSION_COLUMNS.length + 1}
              text="No keys yet. Create one with “Create key”."
            />
          ) : null}
          <SpacerRow height={virtual.paddingTop} />
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
                <KeyRowHeader apiKey={key} creatorName={creatorName(key.createdBy)} />
                {PERMISSION_COLUMNS.map((column, columnIndex) => {
                  const decision = authorize(tenant, key.id, operationFor(column.id, key, teamId));
                  return (
                    <td
                      key={column.id}
                      data-testid={`perm-${permissionCellId(key.id, column.id)}`}
                      data-row-index={rowIndex}
                      data-column-index={columnIndex}
                      data-status={hidden ? undefined : decision.status}
                      className="p-0.5 text-center"
                    >
                      <button
                        type="button"
                        {...grid.cellProps(rowIndex, columnIndex)}
                        className={cellButtonClass(
                          hidden ? HIDDEN_STYLE : STATUS_STYLES[decision.status],
                          grid.isExplained(rowIndex, columnIndex),
                        )}
                      >
                        {hidden ? (
                          <span className="block whitespace-normal font-normal text-xs">
                            {VERDICT_HIDDEN}
                          </span>
                        ) : (
                          <DecisionContent decision={decision} />
                        )}
                      </button>
                    </td>
                  );
                })}
              </tr>
            );
          })}
          <SpacerRow height={virtual.paddingBottom} />
        </tbody>
      </MatrixTable>
      <ExplanationBox label="Permission explanation">
        {explainedKey === undefined ||
        explainedColumn === undefined ||
        explainedOperation === undefined ? (
          <NoCellChosen />
        ) : hidden ? (
          <p className="text-slate-600 text-sm dark:text-slate-400">
            This answer is {VERDICT_HIDDEN}.
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
      </ExplanationBox>
    </>
  );
}
