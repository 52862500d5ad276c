// What the property tests report having run (src/test/setup.ts writes one file per test file
// when KLC_PROPERTY_REPORT names a folder): read by `npm test` and `npm run test:deep`.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const PROPERTY_REPORT_FOLDER = 'test-results/property-runs';

/** Every file's report in `folder`, its test file named relative to `root`; none when absent. */
export function readPropertyReports(folder, root) {
  let names = [];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return names
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')))
    .map((report) => ({ ...report, file: relative(root, report.file) }));
}

/**
 * Sums the per-file reports. `reports` are `{ file, records: [{ name, runs, failed }] }`.
 * @returns {{ properties: number, cases: number, shallow: string[], rows: string[][] }}
 *   `shallow` names each property that neither failed nor reached `minRuns`.
 */
export function sumProperties(reports, minRuns) {
  let properties = 0;
  let cases = 0;
  const shallow = [];
  const rows = [];
  for (const report of reports) {
    for (const record of report.records) {
      properties += 1;
      cases += record.runs;
      rows.push([report.file, record.name, String(record.runs)]);
      if (!record.failed && record.runs < minRuns) {
        shallow.push(`${report.file} › ${record.name}: ${record.runs} cases`);
      }
    }
  }
  return { properties, cases, shallow, rows };
}
