export declare const DEEP_RUNS: number;
export declare function wholeNumberFrom(
  name: string,
  value: string | undefined,
  fallback: number,
): number;
export declare function propertyFiles(
  folder: string,
): Array<{ readonly path: string; readonly calls: number }>;
export declare function sumProperties(
  reports: ReadonlyArray<{
    readonly file: string;
    readonly records: ReadonlyArray<{ name: string; runs: number; failed: boolean }>;
  }>,
  minRuns: number,
): { properties: number; cases: number; shallow: string[]; rows: string[][] };
