import { useState } from 'react';
import { Button } from '../../components/button';
import type { MatrixExportFormat, MatrixExportTenant } from '../../core/matrix-export';
import type { WhatIfRow } from '../../core/what-if';

const EXPORTS: ReadonlyArray<{ readonly format: MatrixExportFormat; readonly label: string }> = [
  { format: 'csv', label: 'Export CSV' },
  { format: 'markdown', label: 'Export Markdown' },
  { format: 'json', label: 'Export JSON' },
];

/** Save text as a file: a temporary object URL behind a temporary `<a download>`. */
function saveFile(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL only after click() returns: free it on the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Download the whole matrix (every key, whatever the search) as CSV, Markdown or JSON. The
 * formatters load on the first click, so they cost nothing in the first paint.
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

  async function download(format: MatrixExportFormat) {
    setMessage('');
    try {
      const { exportMatrix } = await import('../../core/matrix-export');
      const file = exportMatrix(format, tenant, rows);
      saveFile(file.fileName, file.mimeType, file.text);
      setMessage(`Downloaded ${file.fileName}`);
    } catch (error) {
      setMessage(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      {/* A fieldset is the native group; a floated legend is laid out as a flex item, on the buttons' line. */}
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="float-left text-slate-600 text-sm dark:text-slate-400">
          Export all keys
        </legend>
        {EXPORTS.map(({ format, label }) => (
          <Button key={format} size="sm" onClick={() => void download(format)}>
            {label}
          </Button>
        ))}
      </fieldset>
      {message === null ? null : (
        <p role="status" className="text-sm">
          {message}
        </p>
      )}
    </div>
  );
}
