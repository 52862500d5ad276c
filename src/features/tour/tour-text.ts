/** The sentences the tour writes about a done step, from its outcome. */
import { describeEvent } from '../../core/describe';
import { verdictText } from '../../core/key-verdict';
import { SCOPE_LABELS } from '../../core/model';
import { flippedKeys, type KeyOutcome, reinvitedAs, type StepOutcome } from './tour-progress';
import { tourStep } from './tour-steps';

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function keyName(entry: KeyOutcome): string {
  return `${entry.key.name} (${SCOPE_LABELS[entry.key.scope]} key)`;
}

/** "Jane personal (Personal key): 200 Valid → 401 Owner deactivated"; a new key has no before. */
export function keyLine(entry: KeyOutcome): string {
  const after = verdictText(entry.after);
  return entry.before === null
    ? `${keyName(entry)}: new, ${after}`
    : `${keyName(entry)}: ${verdictText(entry.before)} → ${after}`;
}

/** "Jane team, Jane service and Jane tenant owner stay 200 Valid.", one sentence per verdict. */
export function unchangedLines(outcome: StepOutcome): string[] {
  const flipped = new Set(flippedKeys(outcome));
  const byVerdict = new Map<string, string[]>();
  for (const entry of outcome.keys) {
    if (entry.before === null || flipped.has(entry)) continue;
    const verdict = verdictText(entry.after);
    byVerdict.set(verdict, [...(byVerdict.get(verdict) ?? []), entry.key.name]);
  }
  return [...byVerdict].map(
    ([verdict, names]) =>
      `${listNames(names)} ${names.length === 1 ? 'stays' : 'stay'} ${verdict}.`,
  );
}

/** The first sentence of "What happened". */
export function leadSentence(outcome: StepOutcome): string {
  if (outcome.step === 1) {
    return `Jane now holds a live key of each scope: ${outcome.keys.length} new rows in the validity matrix, each answering 200 now.`;
  }
  const change = `${describeEvent(outcome.before, outcome.event)}.`;
  const flipped = flippedKeys(outcome).length;
  if (outcome.step === 5) {
    const jane = outcome.event.type === 'account_reinvited' ? outcome.event.previousAccountId : '';
    return `${change} Nothing flipped back: the re-invited Jane is a new account (${reinvitedAs(outcome) ?? ''}), and the old keys still belong to the deleted one (${jane}).`;
  }
  if (flipped === 0) return `${change} No cell flipped.`;
  return `${change} ${flipped === 1 ? 'One cell' : `${flipped} cells`} flipped in the validity matrix, column Now:`;
}

/** One line of the closing summary: what a step did. */
export function summaryLine(outcome: StepOutcome): string {
  const label = tourStep(outcome.step).label;
  if (outcome.step === 1) {
    // Only an active account creates keys, so each of them answers 200 when the step is done.
    return `${label}: ${listNames(outcome.keys.map((entry) => entry.key.name))}, each answering 200.`;
  }
  const flipped = flippedKeys(outcome);
  const stayed = outcome.keys.filter(
    (entry) => entry.before?.status === 401 && entry.after.status === 401,
  );
  if (flipped.length > 0) {
    const flips = flipped.map(
      (entry) => `${entry.key.name} ${entry.before?.status ?? ''} → ${entry.after.status}`,
    );
    return `${label}: ${listNames(flips)}; the other keys did not change.`;
  }
  return stayed.length > 0
    ? `${label}: nothing flipped; ${listNames(stayed.map((entry) => entry.key.name))} stayed 401.`
    : `${label}: nothing flipped.`;
}
