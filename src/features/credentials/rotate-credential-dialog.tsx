import { type FormEvent, useMemo, useState } from 'react';
import { dispatchAsking } from '../../app/ask-store';
import { Dialog } from '../../components/dialog';
import { apply } from '../../core/apply';
import { referencesTo } from '../../core/automation/resolve';
import { rotateCredential } from '../../core/commands';
import { evaluateKey, verdictText } from '../../core/key-verdict';
import type { Credential, Tenant } from '../../core/model';
import { useTenant } from '../../store/use-tenant';
import { useLiveVerdictsHidden, VERDICT_HIDDEN } from '../presenter/use-presenter';
import { actingAccounts, asAccount, defaultActor } from './acting-accounts';
import {
  CredentialForm,
  heldValue,
  keyLabel,
  type ValueDraft,
  ValueFields,
} from './credential-fields';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "the key Jane personal · Personal · Jane Tino (401 Owner deactivated)", or a secret. */
function Holding({
  tenant,
  credential,
  verdictsHidden,
}: {
  tenant: Tenant;
  credential: Credential;
  verdictsHidden: boolean;
}) {
  if (credential.value.kind === 'external') return 'a secret of another service';
  const keyId = credential.value.keyId;
  // A prediction round hides verdicts: this one too.
  const verdict = verdictsHidden ? VERDICT_HIDDEN : verdictText(evaluateKey(tenant, keyId));
  return (
    <>
      the key <bdi>{keyLabel(tenant, keyId)}</bdi> ({verdict})
    </>
  );
}

/**
 * Rotate a credential (audit `CredentialReplacement`): replace what it holds with another key of
 * this tenant or another service's secret. The actions that use it send the new value from their
 * next run; this is how a person's key is swapped for one that outlives them.
 */
export function RotateCredentialDialog({
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
  const verdictsHidden = useLiveVerdictsHidden();
  const [value, setValue] = useState<ValueDraft>({
    kind: credential.value.kind,
    keyId: '',
    secret: '',
  });
  const [chosenActor, setChosenActor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const checks = useMemo(
    () =>
      actingAccounts(tenant, (actor) =>
        rotateCredential(tenant, credential.id, credential.value, actor),
      ),
    [tenant, credential],
  );
  const actorId =
    chosenActor !== null && checks.some((check) => check.account.id === chosenActor)
      ? chosenActor
      : defaultActor(checks, credential.draftsOf);
  const users = useMemo(() => referencesTo(tenant, credential.id), [tenant, credential.id]);
  const stories = new Set(users.map((user) => user.storyId)).size;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const held = heldValue(value);
    if ('error' in held) return setError(held.error);
    if (
      held.value.kind === 'key' &&
      credential.value.kind === 'key' &&
      held.value.keyId === credential.value.keyId
    ) {
      return setError('It holds that key already: choose another.');
    }
    const command = (current: Tenant) =>
      rotateCredential(current, credential.id, held.value, asAccount(actorId));
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
          Rotate <bdi>{label}</bdi>
        </>
      }
      description={
        <>
          It holds{' '}
          <Holding tenant={tenant} credential={credential} verdictsHidden={verdictsHidden} />.{' '}
          {users.length === 0
            ? 'No action uses it.'
            : `${plural(users.length, 'action', 'actions')} in ${plural(stories, 'story', 'stories')} use it; they send the new value from their next run.`}
        </>
      }
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
        action="Rotate"
        onCancel={onClose}
      >
        <ValueFields
          tenant={tenant}
          value={value}
          onChange={(next) => {
            setValue(next);
            setError(null);
          }}
        />
      </CredentialForm>
    </Dialog>
  );
}
