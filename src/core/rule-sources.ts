/**
 * Where each rule comes from. The console shows this next to every verdict, so that a trainee
 * can tell a vendor fact from a choice the simulator made.
 */

/** The vendor pages rules cite: S1 to S16 (their titles and addresses are in source-catalog.ts). */
export type SourceId =
  | 'S1'
  | 'S2'
  | 'S3'
  | 'S4'
  | 'S5'
  | 'S6'
  | 'S7'
  | 'S8'
  | 'S9'
  | 'S10'
  | 'S11'
  | 'S12'
  | 'S13'
  | 'S14'
  | 'S15'
  | 'S16';

export type RuleSource =
  | { readonly kind: 'documented'; readonly sourceId: SourceId; readonly quote?: string }
  | { readonly kind: 'assumed'; readonly why: string };

/**
 * A rule as verdicts, eligibilities and refusals carry it: by its id alone. The words of those
 * rules (summary and source) are in rule-texts.ts, read through `ruleOf` by the explanations and
 * the simulated API: the first paint judges every key and replays the scenario without them.
 */
export interface RuleTag {
  /** Stable id, shown in the UI and used by tests. */
  readonly id: string;
}

export interface RuleRef extends RuleTag {
  /** One line a trainee can read. */
  readonly summary: string;
  readonly source: RuleSource;
}

export function documented(sourceId: SourceId, quote?: string): RuleSource {
  return quote === undefined
    ? { kind: 'documented', sourceId }
    : { kind: 'documented', sourceId, quote };
}

export function assumed(why: string): RuleSource {
  return { kind: 'assumed', why };
}

export function sourceLabel(source: RuleSource): string {
  return source.kind === 'documented' ? `Documented (${source.sourceId})` : 'Assumed';
}
