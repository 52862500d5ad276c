import { type FormEvent, useMemo, useState } from 'react';
import { dispatchAsking } from '../../app/ask-store';
import { Dialog } from '../../components/dialog';
import { apply } from '../../core/apply';
import { changeCredentialSharing } from '../../core/commands';
import type { Credential, Tenant } from '../../core/model';
import { useTenant } from '../../store/use-tenant';
import { actingAccounts, asAccount, defaultActor } from './acting-accounts';
import {
  CredentialForm,
  chosenSharing,
  type SharingDraft,
  SharingFields,
  shareableTeams,
} from './credential-fields';

function sameSharing(
  credential: Credential,
  next: { readAccess: string; sharedTeams: readonly string[] },
): boolean {
  return (
    credential.readAccess === next.readAccess &&
    credential.sharedTeams.length === next.sharedTeams.length &&
    next.sharedTeams.every((team) => credential.sharedTeams.includes(team))
  );
}

/**
 * Change who may use a credential [documented S11]: its team (or, in drafts, its owner) only, all
 * teams and drafts, or the teams chosen. Who may use it decides which actions resolve it (S11's
 * order), so a change can make another team's actions stop, or start, resolving it.
 */
export function SharingDialog({
  credential,
  label,
  onClose,
}: {
  credential: Credential;
  /** The name its row's buttons use (the name, and its place when another has the same). */
  label: string;
  onClose: () => void;
}) {
  const tenant = useTenant();
  const [sharing, setSharing] = useState<SharingDraft>(() => ({
    readAccess: credential.readAccess,
    teams: new Set(credential.sharedTeams),
  }));
  const [chosenActor, setChosenActor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const offered = shareableTeams(tenant.teams, credential.teamId);

  const checks = useMemo(
    () =>
      actingAccounts(tenant, (actor) =>
        changeCredentialSharing(
          tenant,
          credential.id,
          { readAccess: credential.readAccess, sharedTeams: credential.sharedTeams },
          actor,
        ),
      ),
    [tenant, credential],
  );
  const actorId =
    chosenActor !== null && checks.some((check) => check.account.id === chosenActor)
      ? chosenActor
      : defaultActor(checks, credential.draftsOf);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const shared = chosenSharing(sharing, offered);
    if ('error' in shared) return setError(shared.error);
    // Nothing changed: nothing to log, as Edit roles does.
    if (sameSharing(credential, shared)) return onClose();
    const command = (current: Tenant) =>
      changeCredentialSharing(current, credential.id, shared, asAccount(actorId));
    const check = apply(tenant, command(tenant));
    if (!check.ok) return setError(check.refusal.reason);
    const result = await dispatchAsking(command);
    if (!result.ok) return setError(result.reason);
    onClose();
  };

  return (
    <Dialog
      title={
        <>
          Sharing of <bdi>{label}</bdi>
        </>
      }
      description="Which stories may use it: a story’s own team’s credential of the same name comes first, then one shared with all teams, then one shared with its team."
      onClose={onClose}
    >
      <CredentialForm
        onSubmit={submit}
        checks={checks}
        actorId={actorId}
        onActorChange={(next) => {
          setChosenActor(next);
          setError(null);
        }}
        error={error}
        action="Save sharing"
        onCancel={onClose}
      >
        <SharingFields
          offered={offered}
          inDrafts={credential.draftsOf !== null}
          value={sharing}
          onChange={(next) => {
            setSharing(next);
            setError(null);
          }}
        />
      </CredentialForm>
    </Dialog>
  );
}
