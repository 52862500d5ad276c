import { useEffect } from 'react';
import { Button } from '../../components/button';
import { usePresenter } from './use-presenter';

/** The class on <html> that raises the root font size (src/index.css): every rem scales. */
const PRESENTER_CLASS = 'presenter';

/** The header's switch. Its effect keeps <html> in step, as the theme's does for dark mode. */
export function PresenterToggle() {
  const enabled = usePresenter((s) => s.enabled);
  const setEnabled = usePresenter((s) => s.setEnabled);
  useEffect(() => {
    document.documentElement.classList.toggle(PRESENTER_CLASS, enabled);
  }, [enabled]);
  return (
    <Button size="compact" aria-pressed={enabled} onClick={() => setEnabled(!enabled)}>
      <span aria-hidden="true">{enabled ? '●' : '○'}</span>
      Presenter mode
    </Button>
  );
}
