export declare const DEEP_RUNS: number;
export declare function wholeNumberFrom(
  name: string,
  value: string | undefined,
  fallback: number,
): number;
export declare function propertyFiles(
  folder: string,
): Array<{ readonly path: string; readonly calls: number }>;
