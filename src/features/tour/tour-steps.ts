/**
 * The guided tour's script: the vendor FAQ (S1) as six steps on the jane-tino scenario. Each
 * quote is copied from the FAQ word for word (straight apostrophes included), because the tour
 * shows it as the vendor's own sentence.
 */
import type { KeyCreated } from '../../core/events';
import type { KeyScope } from '../../core/model';
import { janeTinoScenario } from '../../core/scenarios/jane-tino';

import type { TourStepNumber } from './tour-ids';

export const TOUR_SCENARIO_ID = 'jane-tino';
export const JANE_EMAIL = 'jane.tino@tinocorp.example';

/** The steps that ask for a change in the page; step 6 is the summary. */
export type ActionStepNumber = Exclude<TourStepNumber, 6>;

export interface TourStep {
  readonly number: TourStepNumber;
  /** Short, for the progress list. */
  readonly label: string;
  readonly title: string;
  /** What to do in the page. */
  readonly instructions: string;
  /** The FAQ's sentence that explains what the step shows (S1, verbatim). */
  readonly quote: string;
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    number: 1,
    label: 'Create keys',
    title: 'Create Jane’s four keys',
    instructions:
      'Open the Keys view (Console navigation), press Create key, pick Jane Tino as the acting account and create one key of each scope: Personal, Team, Service and Tenant owner; then come back with Back to the tour. Jane is a tenant owner and team admin of Team Automation, so all four are open to her.',
    quote: "If Jane's account is active in the tenant, all four API keys will work as intended.",
  },
  {
    number: 2,
    label: 'Deactivate',
    title: 'Deactivate Jane',
    instructions: 'In People, press Deactivate in Jane Tino’s row.',
    quote:
      "If Jane's account exists in the tenant but is deactivated, the Personal API key will break (returns a 401 status code), while the other three will still work as expected.",
  },
  {
    number: 3,
    label: 'Reactivate',
    title: 'Reactivate Jane',
    instructions: 'In People, press Reactivate in Jane Tino’s row.',
    quote: "If Jane's account is re-activated, the Personal API key will continue working again.",
  },
  {
    number: 4,
    label: 'Delete',
    title: 'Delete Jane',
    instructions:
      'In People, press Delete in Jane Tino’s row, then Delete in the confirmation, which already lists the key that will break.',
    quote:
      "If Jane's account is completely deleted from the tenant, the Personal API key will break (returns a 401 status code), while the other three will still work as expected.",
  },
  {
    number: 5,
    label: 'Re-invite',
    title: 'Re-invite Jane',
    instructions: 'In People, press Re-invite in Jane Tino’s row.',
    quote:
      'If Jane is reinvited back to the tenant, the Personal API key will not work (returns a 401 status code), while the other three will still work as expected.',
  },
  {
    number: 6,
    label: 'Done',
    title: 'Done: what the FAQ says',
    instructions:
      'You took Jane through every status the FAQ names. Only her personal key ever broke, and it stayed broken.',
    quote:
      'In summary, when a user is deactivated or removed entirely from the tenant, the only API key that stops working is their Personal API key. Even if they are re-invited to the tenant, the Personal API key from before will still not work.',
  },
];

export function tourStep(number: TourStepNumber): TourStep {
  return TOUR_STEPS[number - 1] as TourStep;
}

/** The keys step 1 creates: the scenario's own, so "Do it for me" gives the same names and grants. */
export type KeyTemplate = Pick<KeyCreated, 'name' | 'teamRoles' | 'permissions'>;

function scenarioKeyTemplates(): Readonly<Record<KeyScope, KeyTemplate>> {
  const invited = janeTinoScenario.events.find(
    (event) => event.type === 'account_invited' && event.email === JANE_EMAIL,
  );
  const janeId = invited?.type === 'account_invited' ? invited.accountId : undefined;
  const templates: Partial<Record<KeyScope, KeyTemplate>> = {};
  for (const event of janeTinoScenario.events) {
    if (event.type !== 'key_created' || event.createdBy !== janeId) continue;
    templates[event.scope] ??= {
      name: event.name,
      teamRoles: event.teamRoles,
      permissions: event.permissions,
    };
  }
  const { personal, team, service, tenant_owner } = templates;
  if (!personal || !team || !service || !tenant_owner) {
    throw new Error('The jane-tino scenario must give Jane one key of each scope.');
  }
  return { personal, team, service, tenant_owner };
}

export const JANE_KEY_TEMPLATES = scenarioKeyTemplates();
