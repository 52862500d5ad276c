import { type FormEvent, useMemo, useState } from 'react';
import { dispatchAsking } from '../../app/ask-store';
import { Dialog } from '../../components/dialog';
import { apply } from '../../core/apply';
import { actionReferences, referencesTo, resolveCredential } from '../../core/automation/resolve';
import { deleteCredential } from '../../core/commands';
import type { Credential, Tenant } from '../../core/model';
import { placeName } from '../../core/place';
import { useTenant } from '../../store/use-tenant';
import { actingAccounts, asAccount, defaultActor } from './acting-accounts';
import { CredentialForm } from './credential-fields';

interface StoryUse {
  readonly storyId: string;
  readonly story: string;
  readonly where: string;
  readonly actions: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    /** The credential its reference means once this one is gone ("Pager (Team SecOps)"), if any. */
    readonly then: string | null;
  }>;
}

/**
 * The actions that use the credential now (`referencesTo`, S12), by story, and what each would
 * resolve to once it is deleted: another credential of the same slug (S11's order), or nothing.
 */
function usesOf(tenant: Tenant, credential: Credential): StoryUse[] {
  const after = apply(tenant, deleteCredential(tenant, credential.id));
  const byStory = new Map<string, StoryUse>();
  for (const { storyId, actionId } of referencesTo(tenant, credential.id)) {
    const story = tenant.stories.get(storyId);
    const action = story?.actions.find((each) => each.id === actionId);
    if (story === undefined || action === undefined) continue;
    const slugs = actionReferences(action).filter(
      (slug) => resolveCredential(tenant, story, slug)?.id === credential.id,
    );
    let then: string | null = null;
    for (const slug of slugs) {
      const other = after.ok ? resolveCredential(after.tenant, story, slug) : null;
      if (other !== null) then = `${other.name} (${placeName(tenant, other)})`;
    }
    const use = byStory.get(storyId) ?? {
      storyId,
      story: story.name,
      where: placeName(tenant, story),
      actions: [],
    };
    byStory.set(storyId, {
      ...use,
      actions: [...use.actions, { id: action.id, name: action.name, then }],
    });
  }
  return [...byStory.values()];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Delete a credential (audit `CredentialDestruction`), after saying which actions of which stories
 * will no longer resolve it. It stays listed as `Missing`, like a deleted key; Undo brings it back.
 */
export function DeleteCredentialDialog({
  credential,
  label,
  onClose,
  onDeleted,
}: {
  credential: Credential;
  /** The name its row's buttons use (the name, and its place when another has the same). */
  label: string;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const tenant = useTenant();
  const [chosenActor, setChosenActor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const uses = useMemo(() => usesOf(tenant, credential), [tenant, credential]);
  const actions = uses.reduce((sum, use) => sum + use.actions.length, 0);
  const checks = useMemo(
    () => actingAccounts(tenant, (actor) => deleteCredential(tenant, credential.id, actor)),
    [tenant, credential.id],
  );
  const actorId =
    chosenActor !== null && checks.some((check) => check.account.id === chosenActor)
      ? chosenActor
      : defaultActor(checks, credential.draftsOf);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const command = (current: Tenant) =>
      deleteCredential(current, credential.id, asAccount(actorId));
    const check = apply(tenant, command(tenant));
    if (!check.ok) return setError(check.refusal.reason);
    const result = await dispatchAsking(command);
    if (!result.ok) return setError(result.reason);
    onDeleted();
  };

  return (
    <Dialog
      title={
        <>
          Delete the credential <bdi>{label}</bdi>?
        </>
      }
      description={
        <>
          <p>
            {actions === 0
              ? 'No action uses it.'
              : `${plural(actions, 'action', 'actions')} in ${plural(uses.length, 'story', 'stories')} use it and will no longer resolve it:`}
          </p>
          {actions === 0 ? null : (
            <ul aria-label="Actions that use it" className="mt-1 list-disc pl-5">
              {uses.map((use) => (
                <li key={use.storyId}>
                  <bdi>{use.story}</bdi> (<bdi>{use.where}</bdi>):{' '}
                  {use.actions.map((action, index) => (
                    <span key={action.id}>
                      {index === 0 ? '' : ', '}
                      <bdi>{action.name}</bdi>
                      {action.then === null ? null : (
                        <>
                          {' '}
                          (then uses <bdi>{action.then}</bdi>)
                        </>
                      )}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2">
            It stays listed as Missing. Undo (the header’s, or Ctrl+Z) brings it back.
          </p>
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
        action="Delete credential"
        danger
        onCancel={onClose}
      ></CredentialForm>
    </Dialog>
  );
}
