export declare const PROPERTY_REPORT_FOLDER: string;
export declare function readPropertyReports(
  folder: string,
  root: string,
): Array<{ file: string; records: Array<{ name: string; runs: number; failed: boolean }> }>;
export declare function sumProperties(
  reports: ReadonlyArray<{
    readonly file: string;
    readonly records: ReadonlyArray<{ name: string; runs: number; failed: boolean }>;
  }>,
  minRuns: number,
): { properties: number; cases: number; shallow: string[]; rows: string[][] };
