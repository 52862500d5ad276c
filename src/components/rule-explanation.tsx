import type { RuleRef, RuleSource } from '../core/rule-sources';
import { SOURCES } from '../core/source-catalog';

/** "Rule <id>, reason code <code>: <summary>", as every cell explanation states it. */
export function RuleLine({ rule, code }: { rule: RuleRef; code: string }) {
  return (
    <p>
      <span className="font-semibold">Rule</span> <code>{rule.id}</code>, reason code{' '}
      <code>{code}</code>: {rule.summary}
    </p>
  );
}

/** Where a rule comes from: the vendor source with its link (and quote), or "Assumed" and why. */
export function RuleSourceLine({ source }: { source: RuleSource }) {
  if (source.kind === 'assumed') {
    return (
      <p>
        <span className="font-semibold">Assumed</span> (a simulator choice, not vendor
        documentation): {source.why}
      </p>
    );
  }
  const doc = SOURCES[source.sourceId];
  return (
    <>
      <p>
        <span className="font-semibold">Documented ({source.sourceId}):</span>{' '}
        <a
          href={doc.url}
          target="_blank"
          rel="noreferrer"
          className="text-blue-700 underline dark:text-blue-300"
        >
          {doc.title}
        </a>
      </p>
      {source.quote === undefined ? null : (
        <blockquote className="border-slate-300 border-l-4 pl-3 italic dark:border-slate-600">
          “{source.quote}”
        </blockquote>
      )}
    </>
  );
}
