/**
 * The vendor pages behind the documented rules (rule-sources.ts names them S1 to S16). Apart from
 * the rules, so that only the explanations that show a source's title and link load it.
 */
import type { SourceId } from './rule-sources';

export const SOURCES = {
  S1: {
    title:
      'FAQ: What happens to a Tines API key when the user account that created it leaves the tenant?',
    url: 'https://explained.tines.com/en/articles/10522850',
  },
  S2: { title: 'API authentication', url: 'https://www.tines.com/docs/api/authentication/' },
  S3: {
    title: 'Restrict who can create API keys',
    url: 'https://www.tines.com/whats-new/restrict-who-can-create-api-keys/',
  },
  S4: {
    title: 'User administration',
    url: 'https://www.tines.com/docs/admin/user-administration/',
  },
  S5: {
    title: 'Teams and team roles',
    url: 'https://explained.tines.com/en/articles/6883947-using-teams-in-tines',
  },
  S6: { title: 'Multi-team API keys', url: 'https://www.tines.com/whats-new/multi-team-api-keys' },
  S7: { title: 'Admin users API', url: 'https://www.tines.com/docs/api/admin/users/list/' },
  S8: {
    title: 'HTTP 4xx guidance',
    url: 'https://explained.tines.com/en/articles/9353706-http-request-action-4xx-status-codes',
  },
  S9: {
    title: 'Removing team members',
    url: 'https://explained.tines.com/en/articles/12729867-removing-team-members',
  },
  S10: {
    title: 'Credentials: connect flows',
    url: 'https://www.tines.com/docs/credentials/connect-flows/',
  },
  S11: { title: 'Credentials', url: 'https://www.tines.com/docs/credentials/' },
  S12: {
    title: 'Credentials API: list',
    url: 'https://www.tines.com/docs/api/credentials/list/',
  },
  S13: {
    title: 'Referencing credentials',
    url: 'https://explained.tines.com/en/articles/13868974-referencing-credentials',
  },
  S14: {
    title: 'HTTP Request action',
    url: 'https://www.tines.com/docs/actions/types/http-request/',
  },
  S15: {
    title: 'Error handling best practice',
    url: 'https://explained.tines.com/en/articles/14320911-error-handling-best-practice-guide',
  },
  S16: {
    title: 'Teammate credential access',
    url: 'https://explained.tines.com/en/articles/12729918-teammate-credential-access',
  },
} as const satisfies Record<SourceId, { readonly title: string; readonly url: string }>;
