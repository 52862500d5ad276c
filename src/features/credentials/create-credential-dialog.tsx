import { type FormEvent, useId, useMemo, useState } from 'react';
import { dispatchAsking } from '../../app/ask-store';
import { Dialog } from '../../components/dialog';
import { inputClass } from '../../components/form-parts';
import { apply } from '../../core/apply';
import { createCredential, type NewHome } from '../../core/commands';
import { namedDirectionControlReason } from '../../core/direction-control-names';
import { credentialSlug } from '../../core/model';
import { placeName } from '../../core/place';
import { useTenant } from '../../store/use-tenant';
import { actingAccounts, asAccount, defaultActor, unusedCredentialName } from './acting-accounts';
import { ChoiceSelect } from './choice-select';
import {
  CredentialForm,
  chosenSharing,
  EMPTY_VALUE,
  heldValue,
  type SharingDraft,
  SharingFields,
  shareableTeams,
  type ValueDraft,
  ValueFields,
} from './credential-fields';

const MAX_NAME = 100;

/** A place as the `Team or drafts` select holds it: `team:<id>` or `drafts:<account id>`. */
function homeOf(place: string): NewHome {
  return place.startsWith('drafts:')
    ? { draftsOf: place.slice('drafts:'.length) }
    : { teamId: place.slice('team:'.length) };
}

/**
 * Create a credential [documented S11, S12]: its name (and the slug actions reference), where it
 * lives, what it holds, who may use it, and the account that creates it, which the reducer judges
 * (S16). Bad input or a refusal is said in the dialog, and everything typed stays.
 */
export function CreateCredentialDialog({ onClose }: { onClose: () => void }) {
  const tenant = useTenant();
  const teams = useMemo(() => [...tenant.teams.values()], [tenant.teams]);
  const people = useMemo(
    () => [...tenant.accounts.values()].filter((account) => account.status !== 'deleted'),
    [tenant.accounts],
  );
  const places = useMemo(
    () => [
      ...teams.map((team) => ({ value: `team:${team.id}`, label: team.name, group: 'Teams' })),
      ...people.map((account) => ({
        value: `drafts:${account.id}`,
        label: placeName(tenant, { teamId: null, draftsOf: account.id }),
        group: 'A person’s drafts',
      })),
    ],
    [tenant, teams, people],
  );
  const [place, setPlace] = useState(() =>
    teams[0] === undefined ? `drafts:${people[0]?.id ?? ''}` : `team:${teams[0].id}`,
  );
  const [name, setName] = useState('');
  const [value, setValue] = useState<ValueDraft>(EMPTY_VALUE);
  const [sharing, setSharing] = useState<SharingDraft>({ readAccess: 'TEAM', teams: new Set() });
  const [chosenActor, setChosenActor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = { name: useId(), slug: useId(), error: useId() };

  const home = homeOf(place);
  const checks = useMemo(() => {
    const where = homeOf(place);
    const probe = unusedCredentialName(tenant);
    return actingAccounts(tenant, (actor) =>
      createCredential(tenant, { ...where, name: probe, value: { kind: 'external' } }, actor),
    );
  }, [tenant, place]);
  const drafts = 'draftsOf' in home ? home.draftsOf : null;
  const actorId =
    chosenActor !== null && checks.some((check) => check.account.id === chosenActor)
      ? chosenActor
      : defaultActor(checks, drafts);
  const offered = shareableTeams(tenant.teams, 'teamId' in home ? home.teamId : null);
  const slug = credentialSlug(name);

  const edit =
    <T,>(set: (next: T) => void) =>
    (next: T) => {
      set(next);
      setError(null);
    };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return setError('Give the credential a name.');
    if (trimmed.length > MAX_NAME) {
      return setError(`A credential name has at most ${MAX_NAME} characters.`);
    }
    // The reducer refuses it too; said here with the field's label, and the name stays typed.
    const control = namedDirectionControlReason(trimmed);
    if (control !== null) return setError(`Credential name: ${control}`);
    if (slug === '') {
      return setError('A credential name needs a letter or a digit: its slug is made of them.');
    }
    const held = heldValue(value);
    if ('error' in held) return setError(held.error);
    const shared = chosenSharing(sharing, offered);
    if ('error' in shared) return setError(shared.error);
    const command = (current: typeof tenant) =>
      createCredential(
        current,
        { ...home, name: trimmed, ...shared, value: held.value },
        asAccount(actorId),
      );
    // Asked first without logging anything: a refusal is said here, not only in the notice.
    const check = apply(tenant, command(tenant));
    if (!check.ok) return setError(check.refusal.reason);
    const result = await dispatchAsking(command);
    if (!result.ok) return setError(result.reason);
    onClose();
  };

  return (
    <Dialog title="Create credential" onClose={onClose}>
      <CredentialForm
        onSubmit={submit}
        checks={checks}
        actorId={actorId}
        onActorChange={edit(setChosenActor)}
        error={error}
        errorId={ids.error}
        action="Create credential"
        onCancel={onClose}
      >
        <label htmlFor={ids.name} className="flex flex-col gap-1">
          Credential name
          <input
            id={ids.name}
            className={inputClass}
            value={name}
            maxLength={MAX_NAME}
            required
            aria-describedby={error === null ? ids.slug : `${ids.slug} ${ids.error}`}
            onChange={(e) => edit(setName)(e.target.value)}
          />
        </label>
        <p id={ids.slug} className="-mt-3 text-slate-600 text-xs dark:text-slate-400">
          {slug === '' ? (
            'Its slug is the name lower-cased, with underscores between letters and digits.'
          ) : (
            <>
              Slug <code>{slug}</code>: actions reference it as{' '}
              <code>{`<<CREDENTIAL.${slug}>>`}</code>.
            </>
          )}
        </p>
        <ChoiceSelect
          label="Team or drafts"
          what="a team or drafts"
          choices={places}
          value={place}
          onChange={edit(setPlace)}
        />
        <ValueFields tenant={tenant} value={value} onChange={edit(setValue)} />
        <SharingFields
          offered={offered}
          inDrafts={drafts !== null}
          value={sharing}
          onChange={edit(setSharing)}
        />
      </CredentialForm>
    </Dialog>
  );
}
