/**
 * Parameters of generated scenarios (`?scenario=large&people=200`). A value out of range is
 * reported, never clamped: a link that asks for 999999 people must say it cannot, not quietly
 * show something else.
 */

export interface ScenarioParamSpec {
  /** The name in the URL and in the generator's options. */
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly defaultValue: number;
}

/** Validated parameters: whole numbers within their ranges, one per spec. */
export type ScenarioParams = Readonly<Record<string, number>>;

/** Parameters as given: text from a URL, numbers from code, or missing (the default applies). */
export type RawScenarioParams = Readonly<Record<string, string | number | undefined>>;

export type ScenarioParamsResult =
  | { readonly ok: true; readonly params: ScenarioParams }
  | { readonly ok: false; readonly reason: string };

function shown(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** Why a value is not acceptable for a parameter, or null when it is. */
export function paramProblem(spec: ScenarioParamSpec, value: unknown): string | null {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : Number.NaN;
  if (Number.isInteger(number) && number >= spec.min && number <= spec.max) return null;
  return `${spec.name} must be a whole number from ${spec.min} to ${spec.max}; got ${shown(value)}.`;
}

/** Read every parameter a scenario takes; a missing one gets its default. */
export function readScenarioParams(
  specs: readonly ScenarioParamSpec[],
  raw: RawScenarioParams = {},
): ScenarioParamsResult {
  const params: Record<string, number> = {};
  for (const spec of specs) {
    const value = Object.hasOwn(raw, spec.name) ? raw[spec.name] : undefined;
    if (value === undefined) {
      params[spec.name] = spec.defaultValue;
      continue;
    }
    const problem = paramProblem(spec, value);
    if (problem !== null) return { ok: false, reason: problem };
    params[spec.name] = Number(value);
  }
  return { ok: true, params };
}

export function sameParams(a: ScenarioParams, b: ScenarioParams): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
