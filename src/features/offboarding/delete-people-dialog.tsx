import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { IsolatedNames } from '../../components/isolated-names';
import type { LinePart } from '../../core/describe';

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/** At most this many names in the question; past it, the count says it. */
const NAMED = 5;

/**
 * Deleting is final (a deleted account cannot be reactivated) and takes the people's drafts with
 * them (S9): asked first, in the page's own dialog, naming how many people go. `failing` is how
 * many actions would still fail (null while verdicts are hidden until reveal: not said then).
 */
export function DeletePeopleDialog({
  names,
  failing,
  onConfirm,
  onClose,
}: {
  names: readonly string[];
  failing: number | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const count = names.length;
  const listed: LinePart[] =
    count > NAMED
      ? []
      : names.flatMap((name, index) => [index === 0 ? '' : ', ', { name }]).concat(['.']);
  return (
    <Dialog
      title={`Delete ${people(count)}?`}
      onClose={onClose}
      description={
        <>
          {listed.length === 0 ? null : (
            <p>
              <IsolatedNames parts={listed} />
            </p>
          )}
          <p className="mt-2">
            Their drafts go with them: the stories and credentials in them are deleted. A deleted
            account cannot be reactivated; re-inviting creates a new account.
          </p>
          {failing === null || failing === 0 ? null : (
            <p className="mt-2 font-medium">
              {failing === 1 ? '1 action' : `${failing} actions`} will fail after this: apply the
              fixes first to keep them working.
            </p>
          )}
        </>
      }
    >
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="danger" onClick={onConfirm}>
          Delete {people(count)}
        </Button>
      </div>
    </Dialog>
  );
}
