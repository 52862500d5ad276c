/**
 * The fields the credential dialogs share: who acts, what the credential holds, and who may use
 * it. Each keeps what was typed in its draft; the dialog turns a draft into an event, or into a
 * message that names what is missing.
 */
import { type FormEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { Button } from '../../components/button';
import { FormError, inputClass, toggled } from '../../components/form-parts';
import { EVENT_RULES } from '../../core/apply';
import {
  type AccountId,
  type CredentialValue,
  READ_ACCESS,
  type ReadAccess,
  SCOPE_LABELS,
  type Team,
  type TeamId,
  type Tenant,
} from '../../core/model';
import { useSecretsHidden } from '../presenter/use-presenter';
import type { ActorCheck } from './acting-accounts';
import { ChoiceSelect } from './choice-select';

const hint = 'text-slate-600 text-xs dark:text-slate-400';

/** At most this many names in a line that lists accounts (a large tenant has thousands). */
const MAX_LISTED = 8;
/** At most this many refusals under "Why … may not". */
const MAX_REFUSALS = 30;

function listed(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED).join(', ');
  const more = names.length - MAX_LISTED;
  return more > 0 ? `${shown} and ${more.toLocaleString('en-US')} more` : shown;
}

/**
 * A credential dialog's form: its own fields (`children`), then who acts, the message for bad
 * input or a refusal, `Cancel` and the dialog's action.
 */
export function CredentialForm({
  onSubmit,
  checks,
  actorId,
  onActorChange,
  error,
  errorId,
  action,
  danger = false,
  onCancel,
  children,
}: {
  onSubmit: (event: FormEvent) => Promise<void>;
  checks: readonly ActorCheck[];
  actorId: AccountId;
  onActorChange: (accountId: AccountId) => void;
  error: string | null;
  errorId?: string;
  /** The submit button's text: "Rotate", "Delete credential", … */
  action: string;
  danger?: boolean;
  onCancel: () => void;
  children?: ReactNode;
}) {
  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      className="flex flex-col gap-4 text-sm"
    >
      {children}
      <ActingAccountField checks={checks} value={actorId} onChange={onActorChange} />
      <FormError {...(errorId === undefined ? {} : { id: errorId })} message={error} />
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant={danger ? 'danger' : 'primary'}>
          {action}
        </Button>
      </div>
    </form>
  );
}

/**
 * `Acting account`: every account that is not deleted, those the reducer refuses marked
 * "(may not)". Under it, the chosen account's answer (the select's description), who may, and
 * each refusal in the reducer's words.
 */
export function ActingAccountField({
  checks,
  value,
  onChange,
}: {
  checks: readonly ActorCheck[];
  value: AccountId;
  onChange: (accountId: AccountId) => void;
}) {
  const note = useId();
  const chosen = checks.find((check) => check.account.id === value);
  const may = checks.filter((check) => check.refusal === null).map((check) => check.account.name);
  const mayNot = checks.filter((check) => check.refusal !== null);
  const choices = useMemo(
    () =>
      checks.map(({ account, refusal }) => ({
        value: account.id,
        label: refusal === null ? account.name : `${account.name} (may not)`,
      })),
    [checks],
  );
  return (
    <div className="flex flex-col gap-1">
      <ChoiceSelect
        label="Acting account"
        what="an account"
        choices={choices}
        value={value}
        onChange={onChange}
        describedBy={note}
      />
      <p
        id={note}
        className={
          chosen === undefined || chosen.refusal === null
            ? hint
            : 'text-red-800 text-xs dark:text-red-300'
        }
      >
        {chosen === undefined
          ? 'No account can act here.'
          : (chosen.refusal ?? `${chosen.account.name} may do this.`)}
      </p>
      <p className={hint}>
        {may.length === 0 ? 'No account may do this here.' : `May do this: ${listed(may)}.`}{' '}
        {EVENT_RULES.manageCredentials.summary}
      </p>
      {mayNot.length === 0 ? null : (
        <details className={hint}>
          <summary className="cursor-pointer">
            Why{' '}
            {mayNot.length === 1
              ? 'one account may'
              : `${mayNot.length.toLocaleString('en-US')} accounts may`}{' '}
            not
          </summary>
          <ul className="mt-1 list-disc pl-5">
            {mayNot.slice(0, MAX_REFUSALS).map(({ account, refusal }) => (
              <li key={account.id}>{refusal}</li>
            ))}
            {mayNot.length > MAX_REFUSALS ? (
              <li>And {(mayNot.length - MAX_REFUSALS).toLocaleString('en-US')} more.</li>
            ) : null}
          </ul>
        </details>
      )}
    </div>
  );
}

/** What a credential will hold, as typed: a key of this tenant, or another service's secret. */
export interface ValueDraft {
  readonly kind: CredentialValue['kind'];
  readonly keyId: string;
  /** Typed to be held; the model records only that it is an external secret, never the text. */
  readonly secret: string;
}

export const EMPTY_VALUE: ValueDraft = { kind: 'key', keyId: '', secret: '' };

/** The value a draft stands for, or what is missing from it. */
export function heldValue(
  draft: ValueDraft,
): { readonly value: CredentialValue } | { readonly error: string } {
  if (draft.kind === 'external') {
    return draft.secret.trim() === ''
      ? { error: 'Type the secret it holds, or choose a key of this tenant.' }
      : { value: { kind: 'external' } };
  }
  return draft.keyId === ''
    ? { error: 'Choose the key it holds.' }
    : { value: { kind: 'key', keyId: draft.keyId } };
}

/** "Jane personal · Personal · Jane Tino": a key as the Holds column names it. */
export function keyLabel(tenant: Tenant, keyId: string): string {
  const key = tenant.keys.get(keyId);
  if (key === undefined) return keyId;
  const creator = tenant.accounts.get(key.createdBy);
  return `${key.name} · ${SCOPE_LABELS[key.scope]} · ${creator?.name ?? key.createdBy}`;
}

/** `What it holds`: a key of this tenant (a select) or another service's secret (masked). */
export function ValueFields({
  tenant,
  value,
  onChange,
}: {
  tenant: Tenant;
  value: ValueDraft;
  onChange: (next: ValueDraft) => void;
}) {
  const ids = { kind: useId(), secret: useId(), secretNote: useId() };
  const [shown, setShown] = useState(false);
  // Presenter mode: what is typed stays masked on a shared screen.
  const secretsHidden = useSecretsHidden();
  // Deleted keys answer 401 whoever holds them: not offered.
  const keys = useMemo(
    () =>
      [...tenant.keys.values()]
        .filter((key) => key.revokedAt === null)
        .map((key) => ({ value: key.id, label: keyLabel(tenant, key.id) })),
    [tenant],
  );
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 font-medium">What it holds</legend>
      {(['key', 'external'] as const).map((kind) => (
        <label key={kind} className="flex items-center gap-2">
          <input
            type="radio"
            name={ids.kind}
            value={kind}
            checked={value.kind === kind}
            onChange={() => onChange({ ...value, kind })}
          />
          {kind === 'key' ? 'A key of this tenant' : 'A secret of another service'}
        </label>
      ))}
      {value.kind === 'key' ? (
        <ChoiceSelect
          label="Key"
          what="a key"
          choices={keys}
          value={value.keyId}
          onChange={(keyId) => onChange({ ...value, keyId })}
          placeholder="Choose a key (name · scope · creator)"
        />
      ) : (
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.secret}>Secret</label>
          <div className="flex items-center gap-2">
            <input
              id={ids.secret}
              type={shown && !secretsHidden ? 'text' : 'password'}
              autoComplete="off"
              spellCheck={false}
              className={`${inputClass} flex-1 font-mono`}
              value={value.secret}
              aria-describedby={ids.secretNote}
              onChange={(e) => onChange({ ...value, secret: e.target.value })}
            />
            {secretsHidden ? null : (
              <Button size="sm" onClick={() => setShown(!shown)}>
                {shown ? 'Hide secret' : 'Show secret'}
              </Button>
            )}
          </div>
          <p id={ids.secretNote} className={hint}>
            The console records only that it holds another service’s secret, never the text; nothing
            done to this tenant’s accounts breaks it.
            {secretsHidden ? ' Presenter mode keeps it masked.' : ''}
          </p>
        </div>
      )}
    </fieldset>
  );
}

/** Who may use a credential, as chosen: `read_access` and the teams of `SPECIFIC_TEAMS`. */
export interface SharingDraft {
  readonly readAccess: ReadAccess;
  readonly teams: ReadonlySet<TeamId>;
}

/** The teams a credential may be shared with: every team but its own. */
export function shareableTeams(
  teams: ReadonlyMap<TeamId, Team>,
  ownTeamId: TeamId | null,
): readonly Team[] {
  return [...teams.values()].filter((team) => team.id !== ownTeamId);
}

/** The sharing a draft stands for (only teams still offered), or what is missing from it. */
export function chosenSharing(
  draft: SharingDraft,
  offered: readonly Team[],
):
  | { readonly readAccess: ReadAccess; readonly sharedTeams: readonly TeamId[] }
  | { readonly error: string } {
  if (draft.readAccess !== 'SPECIFIC_TEAMS')
    return { readAccess: draft.readAccess, sharedTeams: [] };
  const sharedTeams = offered.filter((team) => draft.teams.has(team.id)).map((team) => team.id);
  return sharedTeams.length === 0
    ? { error: 'Choose at least one team to share it with, or another kind of sharing.' }
    : { readAccess: 'SPECIFIC_TEAMS', sharedTeams };
}

/** How each `read_access` reads [documented S11]; `TEAM` in drafts is its owner's alone. */
export function readAccessLabel(readAccess: ReadAccess, inDrafts: boolean): string {
  switch (readAccess) {
    case 'TEAM':
      return inDrafts ? 'its owner only' : 'its team only';
    case 'GLOBAL':
      return 'all teams & drafts';
    case 'SPECIFIC_TEAMS':
      return 'the teams chosen below';
  }
}

/** `Who may use it`: one radio per `read_access`, and the teams of `SPECIFIC_TEAMS`. */
export function SharingFields({
  offered,
  inDrafts,
  value,
  onChange,
}: {
  offered: readonly Team[];
  inDrafts: boolean;
  value: SharingDraft;
  onChange: (next: SharingDraft) => void;
}) {
  const name = useId();
  return (
    <>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 font-medium">Who may use it</legend>
        {READ_ACCESS.map((readAccess) => (
          <label key={readAccess} className="flex items-center gap-2">
            <input
              type="radio"
              name={name}
              value={readAccess}
              checked={value.readAccess === readAccess}
              onChange={() => onChange({ ...value, readAccess })}
            />
            <span>
              <code>{readAccess}</code>: {readAccessLabel(readAccess, inDrafts)}
            </span>
          </label>
        ))}
      </fieldset>
      {value.readAccess === 'SPECIFIC_TEAMS' ? (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 font-medium">Teams it is shared with</legend>
          {offered.length === 0 ? (
            <p className={hint}>There is no other team to share it with.</p>
          ) : (
            offered.map((team) => (
              <label key={team.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={value.teams.has(team.id)}
                  onChange={(e) =>
                    onChange({ ...value, teams: toggled(value.teams, team.id, e.target.checked) })
                  }
                />
                <bdi>{team.name}</bdi>
              </label>
            ))
          )}
        </fieldset>
      ) : null}
    </>
  );
}
