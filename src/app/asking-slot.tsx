/**
 * The question before work is dropped (a dialog on the page), and the banner after it that
 * brings the dropped log back or saves it as a file. One lazy chunk, loaded with the first.
 */
import { Button } from '../components/button';
import { Dialog } from '../components/dialog';
import { downloadText } from '../components/download-file';
import { focusViewHeading } from '../components/focus-after';
import { exportFileName, exportText } from '../share/open-state';
import { useAskStore } from './ask-store';
import { restoreReplaced } from './asking';

function QuestionDialog() {
  const question = useAskStore((s) => s.question);
  if (question === null) return null;
  return (
    <Dialog
      title={question.title}
      description={question.message}
      onClose={() => question.answer(false)}
    >
      <div className="flex flex-wrap justify-end gap-2">
        <Button onClick={() => question.answer(false)}>Cancel</Button>
        <Button variant="danger" onClick={() => question.answer(true)}>
          {question.confirm}
        </Button>
      </div>
    </Dialog>
  );
}

function ReplacedBanner() {
  const replaced = useAskStore((s) => s.replaced);
  if (replaced === null) return null;
  const dismiss = () => {
    useAskStore.setState({ replaced: null });
    focusViewHeading();
  };
  return (
    <section
      aria-label="Dropped changes"
      className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 text-sm dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <p role="status">{replaced.message}</p>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="primary"
          onClick={() => {
            void restoreReplaced().then(focusViewHeading);
          }}
        >
          {replaced.undo}
        </Button>
        <Button
          size="sm"
          onClick={() => downloadText(exportFileName(replaced.log), exportText(replaced.log))}
        >
          Download the dropped log
        </Button>
        <Button size="sm" variant="ghost" onClick={dismiss}>
          Dismiss
        </Button>
      </div>
    </section>
  );
}

/** Both, wherever the shell puts them: the dialog is modal, the banner sits above the view. */
export function AskingSlot() {
  return (
    <>
      <QuestionDialog />
      <ReplacedBanner />
    </>
  );
}
