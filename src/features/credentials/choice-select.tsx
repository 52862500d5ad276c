import { useId, useMemo, useState } from 'react';
import { inputClass } from '../../components/form-parts';
import { formatCount } from '../../components/search-box';

export interface Choice {
  readonly value: string;
  readonly label: string;
  /** Choices of one group follow each other; each group is an <optgroup>. */
  readonly group?: string;
}

/**
 * More choices than this and the select offers a `Find …` box and lists only the matches: a large
 * tenant has 40,000 keys and 10,000 accounts, and a select of them all took seconds to draw.
 */
export const MAX_CHOICES = 100;

function optionsOf(choices: readonly Choice[]) {
  const groups: Array<{ group: string | undefined; choices: Choice[] }> = [];
  for (const choice of choices) {
    const last = groups.at(-1);
    if (last !== undefined && last.group === choice.group) last.choices.push(choice);
    else groups.push({ group: choice.group, choices: [choice] });
  }
  return groups.map(({ group, choices: members }) => {
    const options = members.map((choice) => (
      <option key={choice.value} value={choice.value}>
        {choice.label}
      </option>
    ));
    return group === undefined ? (
      options
    ) : (
      <optgroup key={group} label={group}>
        {options}
      </optgroup>
    );
  });
}

/**
 * A labelled select. Past `MAX_CHOICES` choices a `Find <what>` box comes first and the select
 * lists the first matches (and the one chosen), saying how many it shows of how many.
 */
export function ChoiceSelect({
  label,
  what,
  choices,
  value,
  onChange,
  placeholder,
  describedBy,
}: {
  label: string;
  /** For the search box: `Find ${what}` ("a key"). */
  what: string;
  choices: readonly Choice[];
  value: string;
  onChange: (value: string) => void;
  /** A first option with the value "" ("Choose a key"). */
  placeholder?: string;
  describedBy?: string;
}) {
  const ids = { select: useId(), find: useId(), shown: useId() };
  const [query, setQuery] = useState('');
  const many = choices.length > MAX_CHOICES;
  const { shown, matches } = useMemo(() => {
    if (!many) return { shown: choices, matches: choices.length };
    const needle = query.trim().toLowerCase();
    const found =
      needle === ''
        ? choices
        : choices.filter((choice) => choice.label.toLowerCase().includes(needle));
    const first = found.slice(0, MAX_CHOICES);
    const chosen = choices.find((choice) => choice.value === value);
    // The chosen one stays listed, so that the select still shows it.
    const listed = chosen === undefined || first.includes(chosen) ? first : [chosen, ...first];
    return { shown: listed, matches: found.length };
  }, [many, choices, query, value]);
  const description = [describedBy, many ? ids.shown : undefined].filter(Boolean).join(' ');
  return (
    <div className="flex flex-col gap-1">
      {many ? (
        <label htmlFor={ids.find} className="flex flex-col gap-1">
          Find {what}
          <input
            id={ids.find}
            type="search"
            className={inputClass}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
      ) : null}
      <label htmlFor={ids.select} className="flex flex-col gap-1">
        {label}
        <select
          id={ids.select}
          className={inputClass}
          value={value}
          aria-describedby={description === '' ? undefined : description}
          onChange={(e) => onChange(e.target.value)}
        >
          {placeholder === undefined ? null : <option value="">{placeholder}</option>}
          {optionsOf(shown)}
        </select>
      </label>
      {many ? (
        <p id={ids.shown} className="text-slate-600 text-xs dark:text-slate-400">
          {matches === 0
            ? `No match for “${query.trim()}”.`
            : `Listing ${formatCount(Math.min(matches, MAX_CHOICES))} of ${formatCount(matches)}${matches > MAX_CHOICES ? `; type in Find ${what} to narrow` : ''}.`}
        </p>
      ) : null}
    </div>
  );
}
