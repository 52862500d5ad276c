import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { dispatchAsking } from '../../app/ask-store';
import { Button } from '../../components/button';
import { FormError, inputClass } from '../../components/form-parts';
import { formatCount, matchesQuery } from '../../components/search-box';
import { Section } from '../../components/section';
import { type Account, STATUS_LABELS, type Tenant } from '../../core/model';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { useTenant } from '../../store/use-tenant';
import {
  CHANGE_DONE,
  CHANGE_LABELS,
  candidateKeys,
  changeEvent,
  changesFor,
  keyLabel,
  markGuesses,
  outcomeText,
  type PersonChoice,
  type PredictChange,
  peopleOf,
  scoreText,
} from './predict-round';
import { type RevealedRound, usePredictStore } from './use-predict-store';

/** People offered in the picker at once; a large tenant is narrowed by typing. */
const MAX_PEOPLE = 100;

function personOption(tenant: Tenant, person: PersonChoice): string {
  const status = tenant.accounts.get(person.accountId)?.status;
  return status === undefined ? person.name : `${person.name} — ${STATUS_LABELS[status]}`;
}

function PersonPicker({
  tenant,
  selectId,
  accountId,
  onChoose,
}: {
  tenant: Tenant;
  selectId: string;
  accountId: string;
  onChoose: (accountId: string) => void;
}) {
  const people = peopleOf(tenant);
  const [query, setQuery] = useState('');
  const searchId = useId();
  const large = people.length > MAX_PEOPLE;
  const offered = useMemo(() => {
    const matching = large
      ? people.filter((person) => matchesQuery(query, person.name, person.email))
      : people;
    const shown = matching.slice(0, MAX_PEOPLE);
    // The chosen person stays offered, whatever the search says.
    const chosen = tenant.accounts.get(accountId);
    if (chosen !== undefined && !shown.some((person) => person.accountId === accountId)) {
      shown.unshift({ accountId, name: chosen.name, email: chosen.email });
    }
    return { shown, matching: matching.length };
  }, [people, large, query, tenant.accounts, accountId]);

  return (
    <div className="flex flex-wrap items-end gap-3">
      {large ? (
        <label htmlFor={searchId} className="flex flex-col gap-1">
          Search people
          <input
            id={searchId}
            type="search"
            className={`${inputClass} w-64`}
            value={query}
            placeholder="Name or email"
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
      ) : null}
      <label htmlFor={selectId} className="flex flex-col gap-1">
        Person
        <select
          id={selectId}
          className={`${inputClass} max-w-full`}
          value={tenant.accounts.has(accountId) ? accountId : ''}
          onChange={(e) => onChoose(e.target.value)}
        >
          <option value="">Choose a person…</option>
          {offered.shown.map((person) => (
            <option key={person.accountId} value={person.accountId}>
              {personOption(tenant, person)}
            </option>
          ))}
        </select>
      </label>
      {large ? (
        <p className="text-slate-600 text-xs dark:text-slate-400" aria-live="polite">
          {offered.matching > MAX_PEOPLE
            ? `Listing ${formatCount(MAX_PEOPLE)} of ${formatCount(offered.matching)} matching people; type to narrow.`
            : `${formatCount(offered.matching)} matching people listed.`}
        </p>
      ) : null}
    </div>
  );
}

function ChangePicker({
  tenant,
  account,
  change,
}: {
  tenant: Tenant;
  account: Account;
  change: PredictChange | null;
}) {
  const chooseChange = usePredictStore((s) => s.chooseChange);
  const name = useId();
  const applicable = changesFor(tenant, account);
  // A change picked before the person's status moved on stays listed: Reveal then says why not.
  const listed =
    change === null || applicable.includes(change) ? applicable : [change, ...applicable];
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 font-medium">Change</legend>
      {listed.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">
          No change applies to {account.name} now.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {listed.map((candidate) => (
          <label key={candidate} className="flex items-center gap-2">
            <input
              type="radio"
              name={name}
              value={candidate}
              checked={change === candidate}
              onChange={() => chooseChange(candidate)}
            />
            {CHANGE_LABELS[candidate]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function GuessList({ tenant, account }: { tenant: Tenant; account: Account }) {
  const guesses = usePredictStore((s) => s.guesses);
  const setGuess = usePredictStore((s) => s.setGuess);
  const hintId = useId();
  const candidates = useMemo(() => candidateKeys(tenant, account), [tenant, account]);
  const own = candidates.filter((candidate) => candidate.own);
  const others = candidates.filter((candidate) => !candidate.own);
  const group = (title: string, list: typeof candidates) =>
    list.length === 0 ? null : (
      <div className="flex flex-col gap-1">
        <p className="text-slate-600 text-xs dark:text-slate-400">{title}</p>
        <ul className="flex flex-col gap-1">
          {list.map(({ key, own: isOwn, creatorName }) => {
            const noteId = `${hintId}-${key.id}`;
            const note = [
              isOwn ? null : `by ${creatorName}`,
              key.revokedAt === null ? null : 'key deleted',
            ].filter((part) => part !== null);
            return (
              <li key={key.id}>
                <label className="inline-flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={guesses.has(key.id)}
                    aria-describedby={note.length === 0 ? undefined : noteId}
                    onChange={(e) => setGuess(key.id, e.target.checked)}
                  />
                  {keyLabel(key)}
                </label>
                {note.length === 0 ? null : (
                  <span id={noteId} className="ml-2 text-slate-600 text-xs dark:text-slate-400">
                    {note.join(', ')}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    );
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={hintId}>
      <legend className="mb-1 font-medium">Keys that answer 401 after the change</legend>
      <p id={hintId} className="text-slate-600 text-xs dark:text-slate-400">
        Tick each key you expect to answer 401; leave a key unticked if you expect it to answer 200.
      </p>
      {group(`${account.name}’s keys`, own)}
      {own.length === 0 ? (
        <p className="text-slate-600 text-xs dark:text-slate-400">
          {account.name} has created no key.
        </p>
      ) : null}
      {group('Other people’s keys, for contrast', others)}
    </fieldset>
  );
}

function RoundResult({ round, onNext }: { round: RevealedRound; onNext: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Reveal's button is gone: bring focus to what it revealed.
  useEffect(() => heading.current?.focus(), []);
  const right = round.marked.filter((guess) => guess.right).length;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <h3 ref={heading} tabIndex={-1} className="font-semibold">
        Round {round.number}: {round.personName} {CHANGE_DONE[round.change]} — {right} of{' '}
        {round.marked.length} right
      </h3>
      <ul aria-label="Results" className="flex flex-col gap-1">
        {round.marked.map((guess) => (
          <li key={guess.keyId}>
            <span className="font-medium">{guess.label}</span>
            <span className="text-slate-600 dark:text-slate-400">
              : you expected {guess.guessed401 ? '401' : '200'}.
            </span>{' '}
            <span
              className={`whitespace-nowrap rounded px-1.5 font-medium ${
                guess.right
                  ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200'
                  : 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200'
              }`}
            >
              <span aria-hidden="true">{guess.right ? '✓' : '✗'}</span>{' '}
              {guess.right ? 'right' : 'wrong'}: {outcomeText(guess)}
            </span>
          </li>
        ))}
      </ul>
      <div>
        <Button variant="primary" onClick={onNext}>
          Next round
        </Button>
      </div>
    </div>
  );
}

/**
 * Predict, then reveal: pick a person and a change, tick the keys expected to answer 401, and
 * Reveal applies the change through the store (it is logged like any other) and marks each
 * guess against the verdicts that follow. The score lives in memory only.
 */
export function PredictPanel({ onClose }: { onClose?: () => void }) {
  const tenant = useTenant();
  const accountId = usePredictStore((s) => s.accountId);
  const change = usePredictStore((s) => s.change);
  const revealed = usePredictStore((s) => s.revealed);
  const score = usePredictStore((s) => s.score);
  const choosePerson = usePredictStore((s) => s.choosePerson);
  const reveal = usePredictStore((s) => s.reveal);
  const nextRound = usePredictStore((s) => s.nextRound);
  const [error, setError] = useState<string | null>(null);
  const ids = { person: useId(), intro: useId(), error: useId() };
  const account = tenant.accounts.get(accountId);

  const onChoose = (id: string) => {
    const chosen = tenant.accounts.get(id);
    choosePerson(id, chosen === undefined ? null : (changesFor(tenant, chosen)[0] ?? null));
    setError(null);
  };

  const onReveal = async (event: FormEvent) => {
    event.preventDefault();
    // Read the store as it is now, not as it was at the last render.
    const before = selectTenant(useTenantStore.getState());
    const person = before.accounts.get(accountId);
    if (person === undefined) return setError('Choose a person first.');
    if (change === null) return setError('Choose a change.');
    const keys = candidateKeys(before, person).map((candidate) => candidate.key);
    const guesses = usePredictStore.getState().guesses;
    const result = await dispatchAsking((current) => changeEvent(current, change, person.id));
    if (!result.ok) return setError(`Refused: ${result.reason}`);
    setError(null);
    const after = selectTenant(useTenantStore.getState());
    reveal({ personName: person.name, change, marked: markGuesses(before, after, keys, guesses) });
  };

  const onNext = () => {
    nextRound();
    requestAnimationFrame(() => document.getElementById(ids.person)?.focus());
  };

  return (
    <Section
      id="predict-heading"
      title="Predict, then reveal"
      actions={
        onClose === undefined ? undefined : (
          <Button size="sm" variant="ghost" onClick={onClose}>
            Close
          </Button>
        )
      }
    >
      <p id={ids.intro} className="text-slate-600 text-sm dark:text-slate-400">
        Pick a person and a change, tick the keys you expect to answer 401 afterwards, then Reveal:
        the change is really made (it goes into the log like any other) and each guess is marked.
        The score is kept in this tab only.
      </p>
      {revealed === null ? (
        <form
          aria-label="Prediction"
          aria-describedby={ids.intro}
          onSubmit={(event) => void onReveal(event)}
          noValidate
          className="flex flex-col gap-4 text-sm"
        >
          <PersonPicker
            tenant={tenant}
            selectId={ids.person}
            accountId={accountId}
            onChoose={onChoose}
          />
          {account === undefined ? null : (
            <>
              <ChangePicker tenant={tenant} account={account} change={change} />
              <GuessList tenant={tenant} account={account} />
              <FormError id={ids.error} message={error} />
              <div>
                <Button type="submit" variant="primary">
                  Reveal
                </Button>
              </div>
            </>
          )}
        </form>
      ) : (
        <RoundResult round={revealed} onNext={onNext} />
      )}
      <p role="status" className="font-medium text-sm">
        {scoreText(score)}
      </p>
    </Section>
  );
}
