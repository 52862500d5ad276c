import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { dispatchAsking } from '../../app/ask-store';
import { Button } from '../../components/button';
import { CopyStatus, useClipboard } from '../../components/copy-to-clipboard';
import { Dialog } from '../../components/dialog';
import {
  FormError,
  inputClass,
  LabelledSelect,
  PermissionCheckboxes,
  toggled,
} from '../../components/form-parts';
import { createKey } from '../../core/commands';
import {
  keyEligibility,
  scopeEligibility,
  teamsAccountMayKey,
} from '../../core/creation-eligibility';
import { namedDirectionControlReason } from '../../core/direction-control-names';
import {
  KEY_SCOPES,
  type KeyScope,
  SCOPE_LABELS,
  TEAM_ROLE_LABELS,
  TEAM_ROLES,
  type TeamRole,
  type TenantPermission,
} from '../../core/model';
import { useTenant } from '../../store/use-tenant';
import { SECRET_HIDDEN, useSecretsHidden } from '../presenter/use-presenter';

const MAX_NAME = 100;

function SecretOnce({
  name,
  secret,
  onDone,
}: {
  name: string;
  secret: string;
  onDone: () => void;
}) {
  const clipboard = useClipboard();
  const secretInput = useRef<HTMLInputElement>(null);
  // Presenter mode: the secret stays off the shared screen; Copy still copies it.
  const hidden = useSecretsHidden();
  // The form's submit button just disappeared: bring focus to the secret, selected for copying.
  useEffect(() => secretInput.current?.focus(), []);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">
        The key{' '}
        <strong>
          <bdi>{name}</bdi>
        </strong>{' '}
        was created. Copy its secret now: it is shown once and masked everywhere else.
        {hidden ? ' Presenter mode hides it here too; Copy still copies it.' : ''}
      </p>
      <div className="flex items-center gap-2">
        <input
          ref={secretInput}
          readOnly
          aria-label="Secret"
          value={hidden ? SECRET_HIDDEN : secret}
          onFocus={(e) => e.currentTarget.select()}
          className="flex-1 rounded bg-slate-100 px-2 py-1 font-mono text-sm dark:bg-slate-800"
        />
        <Button onClick={() => clipboard.copy(secret)}>Copy</Button>
      </div>
      <CopyStatus state={clipboard.state} what="Secret" byHand="the secret" />
      <div className="flex justify-end">
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

export function CreateKeyDialog({ onClose }: { onClose: () => void }) {
  const tenant = useTenant();
  const accounts = useMemo(
    () => [...tenant.accounts.values()].filter((account) => account.status !== 'deleted'),
    [tenant.accounts],
  );
  const [accountId, setAccountId] = useState(
    () => accounts.find((account) => account.status === 'active')?.id ?? '',
  );
  const [name, setName] = useState('');
  const [scope, setScope] = useState<KeyScope>('personal');
  const [teams, setTeams] = useState<ReadonlySet<string>>(new Set());
  const [teamRole, setTeamRole] = useState<TeamRole>('editor');
  const [permissions, setPermissions] = useState<ReadonlySet<TenantPermission>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const ids = { account: useId(), name: useId(), error: useId() };

  const account = tenant.accounts.get(accountId);
  const allowedTeams = useMemo(
    () => new Set(account === undefined ? [] : teamsAccountMayKey(tenant, account)),
    [tenant, account],
  );
  const scopeChecks = useMemo(
    () =>
      KEY_SCOPES.map((candidate) => ({
        scope: candidate,
        eligibility: scopeEligibility(tenant, accountId, candidate),
      })),
    [tenant, accountId],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return setError('Give the key a name.');
    if (trimmed.length > MAX_NAME)
      return setError(`A key name has at most ${MAX_NAME} characters.`);
    // The reducer refuses it too; said here with the field's label, and the name stays typed.
    const control = namedDirectionControlReason(trimmed);
    if (control !== null) return setError(`Key name: ${control}`);
    const request = {
      createdBy: accountId,
      scope,
      teamRoles: scope === 'team' ? Object.fromEntries([...teams].map((t) => [t, teamRole])) : {},
      permissions: scope === 'service' ? [...permissions] : [],
    };
    const eligibility = keyEligibility(tenant, request);
    if (!eligibility.allowed) return setError(eligibility.reason);
    let secret = '';
    const result = await dispatchAsking((current) => {
      const keyEvent = createKey(current, { ...request, name: trimmed });
      secret = keyEvent.secret;
      return keyEvent;
    });
    if (!result.ok) return setError(result.reason);
    setError(null);
    setCreated({ name: trimmed, secret });
  };

  if (created !== null) {
    return (
      <Dialog title="Key created" onClose={onClose}>
        <SecretOnce name={created.name} secret={created.secret} onDone={onClose} />
      </Dialog>
    );
  }

  return (
    <Dialog title="Create key" onClose={onClose}>
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        className="flex flex-col gap-4 text-sm"
      >
        <label htmlFor={ids.account} className="flex flex-col gap-1">
          Acting account
          <select
            id={ids.account}
            className={inputClass}
            value={accountId}
            onChange={(e) => {
              setAccountId(e.target.value);
              // Every active account may create a personal key; start there for the new account.
              setScope('personal');
              setTeams(new Set());
              setError(null);
            }}
          >
            {accounts.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name} ({candidate.status})
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.name} className="flex flex-col gap-1">
          Key name
          <input
            id={ids.name}
            className={inputClass}
            value={name}
            maxLength={MAX_NAME}
            required
            aria-describedby={error === null ? undefined : ids.error}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-medium">Scope</legend>
          {scopeChecks.map(({ scope: candidate, eligibility }) => {
            const reasonId = `${ids.account}-${candidate}-reason`;
            return (
              <div key={candidate} className="flex flex-col">
                <label
                  className={`flex items-center gap-2 ${eligibility.allowed ? '' : 'text-slate-600 dark:text-slate-400'}`}
                >
                  <input
                    type="radio"
                    name="scope"
                    value={candidate}
                    checked={scope === candidate}
                    disabled={!eligibility.allowed}
                    aria-describedby={eligibility.allowed ? undefined : reasonId}
                    onChange={() => {
                      setScope(candidate);
                      setError(null);
                    }}
                  />
                  {SCOPE_LABELS[candidate]}
                </label>
                {eligibility.allowed ? null : (
                  <span id={reasonId} className="ml-6 text-slate-600 text-xs dark:text-slate-400">
                    {eligibility.reason}
                  </span>
                )}
              </div>
            );
          })}
        </fieldset>
        {scope === 'team' ? (
          <>
            <fieldset className="flex flex-col gap-1">
              <legend className="mb-1 font-medium">Teams the key covers</legend>
              {[...tenant.teams.values()].map((team) => (
                <label key={team.id} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={teams.has(team.id)}
                    disabled={!allowedTeams.has(team.id)}
                    onChange={(e) => setTeams(toggled(teams, team.id, e.target.checked))}
                  />
                  {team.name}
                  {allowedTeams.has(team.id) ? null : (
                    <span className="text-slate-600 text-xs dark:text-slate-400">
                      (needs Team admin on {team.name})
                    </span>
                  )}
                </label>
              ))}
            </fieldset>
            <LabelledSelect
              label="Key's role on those teams"
              value={teamRole}
              options={TEAM_ROLES}
              labels={TEAM_ROLE_LABELS}
              onChange={setTeamRole}
            />
          </>
        ) : null}
        {scope === 'service' ? (
          <PermissionCheckboxes
            legend="Tenant permissions"
            value={permissions}
            onChange={setPermissions}
          />
        ) : null}
        <FormError id={ids.error} message={error} />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Create key
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
