import { useEffect } from 'react';
import { Button } from '../../components/button';
import { SOURCES } from '../../core/source-catalog';
import { flippedKeys, highlightedKeys, type StepOutcome } from './tour-progress';
import { tourStep } from './tour-steps';
import { keyLine, leadSentence, summaryLine, unchangedLines } from './tour-text';

/** A key's "Now" cell in the validity matrix (README, test contract: `cell-<keyId>:<column>`). */
function nowCellSelector(keyId: string): string {
  return `td[data-testid="cell-${keyId}:now"]`;
}

/**
 * Outlines the cells a step is about, as a style sheet rather than classes written into the
 * matrix's cells: the matrix re-renders its rows at will, and the outline must outlast that and
 * go away with the step. A dashed violet outline, unlike the matrix's own amber flip ring.
 */
export function MatrixHighlight({ keyIds }: { keyIds: readonly string[] }) {
  const cells = keyIds.map(nowCellSelector);
  const css =
    cells.length === 0
      ? ''
      : `${cells.join(',')}{outline:3px dashed #6d28d9;outline-offset:-3px}${cells
          .map((cell) => `.dark ${cell}`)
          .join(',')}{outline-color:#c4b5fd}`;
  // An adopted sheet, made by script: the built page's Content-Security-Policy refuses inline
  // <style> elements (style-src 'self'), not the CSSOM.
  const adopt = 'adoptedStyleSheets' in document;
  useEffect(() => {
    if (!adopt || css === '') return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((other) => other !== sheet);
    };
  }, [adopt, css]);
  // Where a document cannot adopt sheets (jsdom, in the unit tests), the same rules in an element.
  return adopt || css === '' ? null : <style data-tour-highlight="">{css}</style>;
}

export function highlightedKeyIds(outcome: StepOutcome | undefined): string[] {
  return outcome === undefined ? [] : highlightedKeys(outcome).map((entry) => entry.key.id);
}

/** Brings the first outlined cell into view; focus stays where it is. */
function showInMatrix(keyIds: readonly string[]): void {
  const [first] = keyIds;
  if (first === undefined) return;
  const cell = document.querySelector<HTMLElement>(nowCellSelector(first));
  const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
  cell?.scrollIntoView?.({ block: 'center', behavior: still ? 'auto' : 'smooth' });
}

/** The vendor's sentence, verbatim, with its source. */
export function FaqQuote({ text }: { text: string }) {
  const faq = SOURCES.S1;
  return (
    <figure className="flex flex-col gap-1 border-blue-600 border-l-4 pl-3 dark:border-blue-400">
      <blockquote cite={faq.url} className="italic">
        “{text}”
      </blockquote>
      <figcaption className="text-slate-700 text-xs dark:text-slate-300">
        The vendor FAQ (S1):{' '}
        <a
          href={faq.url}
          target="_blank"
          rel="noreferrer"
          className="text-blue-700 underline dark:text-blue-300"
        >
          {faq.title}
        </a>
      </figcaption>
    </figure>
  );
}

/** "What happened": the cells that flipped (or stayed), where they are, and why. */
export function StepOutcomeView({ outcome }: { outcome: StepOutcome }) {
  const flipped = outcome.step === 1 ? outcome.keys : flippedKeys(outcome);
  const keyIds = highlightedKeyIds(outcome);
  return (
    // Facts and the FAQ's sentence side by side where the dock is wide (above the tables), so
    // the tables move down as little as possible; one under the other in a narrow dock.
    <div className="@container rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50">
      <div className="grid gap-x-6 gap-y-2 @3xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-2">
          <h4 className="font-semibold">
            <span aria-hidden="true">✓ </span>Done. What happened
          </h4>
          <p>{leadSentence(outcome)}</p>
          {flipped.length > 0 ? (
            <ul
              aria-label={outcome.step === 1 ? 'New keys' : 'Cells that flipped'}
              className="list-disc pl-5"
            >
              {flipped.map((entry) => (
                <li key={entry.key.id}>{keyLine(entry)}</li>
              ))}
            </ul>
          ) : null}
          {unchangedLines(outcome).map((line) => (
            <p key={line}>{line}</p>
          ))}
          {keyIds.length > 0 ? (
            <p className="flex flex-wrap items-center gap-2">
              <span>
                {keyIds.length === 1 ? 'Its cell is' : 'Their cells are'} outlined in the validity
                matrix, column Now.
              </span>
              <Button size="sm" onClick={() => showInMatrix(keyIds)}>
                Show in the matrix
              </Button>
            </p>
          ) : null}
        </div>
        <FaqQuote text={tourStep(outcome.step).quote} />
      </div>
    </div>
  );
}

/** Step 6: the FAQ's summary and what each step did here. */
export function TourSummary({ outcomes }: { outcomes: readonly StepOutcome[] }) {
  return (
    <div className="flex flex-col gap-2">
      <p>{tourStep(6).instructions}</p>
      <ol aria-label="What each step did" className="list-decimal pl-5">
        {outcomes.map((outcome) => (
          <li key={outcome.step}>{summaryLine(outcome)}</li>
        ))}
      </ol>
      <FaqQuote text={tourStep(6).quote} />
    </div>
  );
}
