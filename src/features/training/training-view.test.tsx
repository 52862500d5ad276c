import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { SCENARIO_ABOUT } from '../../core/scenarios/scenario-about';
import { SCENARIOS } from '../../core/scenarios/scenario-catalog';
import { useViewStore } from '../../navigation/view-store';
import { useTenantStore } from '../../store/tenant-store';
import { TrainingView } from './training-view';

function scenariosCard() {
  return screen.getByRole('region', { name: 'Scenarios' });
}

describe('TrainingView, Scenarios', () => {
  beforeEach(async () => {
    await useTenantStore.getState().loadScenario('jane-tino');
    useViewStore.setState({ view: 'training' });
  });

  it('says what every scenario of the catalogue teaches', () => {
    render(<TrainingView />);
    for (const scenario of SCENARIOS) {
      const about = SCENARIO_ABOUT[scenario.id];
      expect(about, `no text for ${scenario.id}`).toBeDefined();
      expect(within(scenariosCard()).getByText(about ?? '')).toBeInTheDocument();
    }
  });

  it('opens another scenario on Lifecycle, and offers no Open for the one shown', async () => {
    const user = userEvent.setup();
    render(<TrainingView />);
    const card = scenariosCard();
    expect(within(card).queryByRole('button', { name: 'Open Jane Tino (the FAQ)' })).toBeNull();
    expect(within(card).getByText('Open now')).toBeInTheDocument();

    await act(() => user.click(within(card).getByRole('button', { name: 'Open Blank tenant' })));
    await waitFor(() => expect(useTenantStore.getState().scenarioId).toBe('blank'));
    expect(useViewStore.getState().view).toBe('lifecycle');
  });
});
