import { useState } from 'react';
import { Button } from '../../components/button';
import { downloadText } from '../../components/download-file';
import type { MatrixExportFormat, MatrixExportTenant } from '../../core/matrix-export';
import type { WhatIfRow } from '../../core/what-if';
import { useLiveVerdictsHidden, VERDICT_HIDDEN } from '../presenter/use-presenter';

const EXPORTS: ReadonlyArray<{ readonly format: MatrixExportFormat; readonly label: string }> = [
  { format: 'csv', label: 'Export CSV' },
  { format: 'markdown', label: 'Export Markdown' },
  { format: 'json', label: 'Export JSON' },
];

/**
 * Download the whole matrix (every key, whatever the search) as CSV, Markdown or JSON. The
 * formatters load on the first click, so they cost nothing in the first paint. While the verdicts
 * are hidden until reveal (presenter mode, a prediction open) the buttons are disabled and say
 * why: a file of verdicts would give the answer away.
 */
export function MatrixExportMenu({
  tenant,
  rows,
}: {
  tenant: MatrixExportTenant;
  rows: readonly WhatIfRow[];
}) {
  // null until the first export: the matrix's own status line stays the only one until then.
  const [message, setMessage] = useState<string | null>(null);
  const hidden = useLiveVerdictsHidden();

  async function download(format: MatrixExportFormat) {
    setMessage('');
    try {
      const { exportMatrix } = await import('../../core/matrix-export');
      const file = exportMatrix(format, tenant, rows);
      downloadText(file.fileName, file.text, file.mimeType);
      setMessage(`Downloaded ${file.fileName}`);
    } catch (error) {
      setMessage(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      {/* A fieldset is the native group; its legend names it ("Export all keys") for assistive technology. */}
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">Export all keys</legend>
        {EXPORTS.map(({ format, label }) => (
          <Button
            key={format}
            size="sm"
            disabled={hidden}
            className="disabled:opacity-60"
            onClick={() => void download(format)}
          >
            {label}
          </Button>
        ))}
        {hidden ? (
          <span className="text-slate-600 text-xs dark:text-slate-400">
            Exports {VERDICT_HIDDEN}
          </span>
        ) : null}
      </fieldset>
      {message === null ? null : (
        <p role="status" className="text-sm">
          {message}
        </p>
      )}
    </div>
  );
}
