/**
 * The validity matrix as a file: CSV for spreadsheets, Markdown for tickets and wikis, JSON for
 * other people's test suites. Every export is a pure function of the rows: no export time, no
 * locale, rows in the order given (the matrix's: key creation order), object keys in a fixed
 * order, so the same state always gives the same bytes and a JSON export can be a golden file.
 * Secrets are never exported.
 */
import type { VerdictCode } from './key-verdict';
import type { Tenant } from './model';
import { MATRIX_COLUMNS, type MatrixColumnId, type WhatIfRow } from './what-if';

export type ExportColumnId = MatrixColumnId;

/** The matrix's columns, in the order the console shows them. */
export const EXPORT_COLUMNS = MATRIX_COLUMNS;

export const MATRIX_EXPORT_FORMAT = 'key-lifecycle-console/validity-matrix';
/** Bump when a field changes meaning or goes away; adding a field is not a new version. */
export const MATRIX_EXPORT_VERSION = 1;

export type MatrixExportTenant = Pick<Tenant, 'name' | 'domain'>;

/** A reachable cell, or a stage the creator cannot reach (status null, with the reducer's reason). */
export type ExportedCell =
  | { readonly status: 200 | 401; readonly code: VerdictCode; readonly rule: string }
  | { readonly status: null; readonly code: null; readonly rule: null; readonly reason: string };

export interface ExportedKey {
  readonly id: string;
  readonly name: string;
  readonly scope: string;
  /** The creator's account id. */
  readonly createdBy: string;
  readonly creator: { readonly name: string; readonly email: string } | null;
  readonly cells: Readonly<Record<ExportColumnId, ExportedCell>>;
}

export interface ExportedMatrix {
  readonly format: typeof MATRIX_EXPORT_FORMAT;
  readonly version: typeof MATRIX_EXPORT_VERSION;
  readonly tenant: { readonly name: string; readonly domain: string };
  readonly columns: ReadonlyArray<{ readonly id: ExportColumnId; readonly label: string }>;
  readonly keys: readonly ExportedKey[];
}

function exportedCell(row: WhatIfRow, column: ExportColumnId): ExportedCell {
  const cell =
    column === 'now' ? { reachable: true as const, verdict: row.now } : row.stages[column];
  if (!cell.reachable) return { status: null, code: null, rule: null, reason: cell.reason };
  const { status, code, rule } = cell.verdict;
  return { status, code, rule: rule.id };
}

/** The JSON export as a value. Objects are built literally, so their keys keep this order. */
export function matrixToExport(
  tenant: MatrixExportTenant,
  rows: readonly WhatIfRow[],
): ExportedMatrix {
  return {
    format: MATRIX_EXPORT_FORMAT,
    version: MATRIX_EXPORT_VERSION,
    tenant: { name: tenant.name, domain: tenant.domain },
    columns: EXPORT_COLUMNS.map(({ id, label }) => ({ id, label })),
    keys: rows.map((row) => ({
      id: row.key.id,
      name: row.key.name,
      scope: row.key.scope,
      createdBy: row.key.createdBy,
      creator:
        row.creator === undefined ? null : { name: row.creator.name, email: row.creator.email },
      cells: {
        now: exportedCell(row, 'now'),
        active: exportedCell(row, 'active'),
        deactivated: exportedCell(row, 'deactivated'),
        reactivated: exportedCell(row, 'reactivated'),
        deleted: exportedCell(row, 'deleted'),
        reinvited: exportedCell(row, 'reinvited'),
      },
    })),
  };
}

/** Two-space indentation and a final newline, so the file diffs well as a golden file. */
export function matrixToJson(tenant: MatrixExportTenant, rows: readonly WhatIfRow[]): string {
  return `${JSON.stringify(matrixToExport(tenant, rows), null, 2)}\n`;
}

/** `401 OWNER_DEACTIVATED`, `200 VALID` or `n/a`: what a cell says in CSV and Markdown. */
export function cellText(row: WhatIfRow, column: ExportColumnId): string {
  const cell = exportedCell(row, column);
  return cell.status === null ? 'n/a' : `${cell.status} ${cell.code}`;
}

/** "Jane Tino <jane.tino@…>", or the bare account id if the creator is unknown. */
function creatorText(row: WhatIfRow): string {
  return row.creator === undefined
    ? row.key.createdBy
    : `${row.creator.name} <${row.creator.email}>`;
}

const HEADER = ['Key', 'Created by', ...EXPORT_COLUMNS.map((column) => column.label)];

/** A row of the CSV and Markdown tables: the names (user input), then the cells (codes). */
function tableRow(row: WhatIfRow): { names: string[]; cells: string[] } {
  return {
    names: [row.key.name, creatorText(row)],
    cells: EXPORT_COLUMNS.map((column) => cellText(row, column.id)),
  };
}

/**
 * A spreadsheet would run a field that starts with one of these as a formula (CSV injection,
 * OWASP); key and person names are user input, so such a field gets a leading apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: guarded against formulas, quoted if it holds a comma, quote or line break. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180: a header record, one record per key, CRLF after every record. */
export function matrixToCsv(_tenant: MatrixExportTenant, rows: readonly WhatIfRow[]): string {
  const records = [HEADER, ...rows.map(tableRow).map(({ names, cells }) => [...names, ...cells])];
  return records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}

/**
 * Text for a Markdown table cell: backslash, pipe and the inline markup characters are escaped
 * (a key named `[x](https://…)` stays text, not a link), `&`, `<` and `>` become entities (no raw
 * HTML reaches a renderer), and line breaks, which would end the row, become spaces.
 */
export function markdownText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\|`*_[\]~]/g, '\\$&')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** A heading naming the tenant, then the matrix as a GitHub-flavoured Markdown table. */
export function matrixToMarkdown(tenant: MatrixExportTenant, rows: readonly WhatIfRow[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |\n`;
  return [
    `# Validity matrix: ${markdownText(tenant.name)} (${markdownText(tenant.domain)})\n\n`,
    line(HEADER),
    line(HEADER.map(() => '---')),
    ...rows.map(tableRow).map(({ names, cells }) => line([...names.map(markdownText), ...cells])),
  ].join('');
}

export type MatrixExportFormat = 'csv' | 'markdown' | 'json';

const FORMATS: Readonly<
  Record<
    MatrixExportFormat,
    {
      readonly extension: string;
      readonly mimeType: string;
      readonly render: (tenant: MatrixExportTenant, rows: readonly WhatIfRow[]) => string;
    }
  >
> = {
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8', render: matrixToCsv },
  markdown: { extension: 'md', mimeType: 'text/markdown;charset=utf-8', render: matrixToMarkdown },
  json: { extension: 'json', mimeType: 'application/json', render: matrixToJson },
};

/** `<tenant-domain>-validity-matrix.<ext>`; characters a file name should not hold become `-`. */
export function matrixFileName(tenant: MatrixExportTenant, format: MatrixExportFormat): string {
  const domain = tenant.domain.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return `${domain === '' ? 'tenant' : domain}-validity-matrix.${FORMATS[format].extension}`;
}

/** Everything a download needs: the file's name, its media type and its text. */
export function exportMatrix(
  format: MatrixExportFormat,
  tenant: MatrixExportTenant,
  rows: readonly WhatIfRow[],
): { readonly fileName: string; readonly mimeType: string; readonly text: string } {
  const { mimeType, render } = FORMATS[format];
  return { fileName: matrixFileName(tenant, format), mimeType, text: render(tenant, rows) };
}
