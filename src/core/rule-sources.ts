/**
 * Where each rule comes from. The console shows this next to every verdict, so that a trainee
 * can tell a vendor fact from a choice the simulator made.
 */

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
} as const;

export type SourceId = keyof typeof SOURCES;

export type RuleSource =
  | { readonly kind: 'documented'; readonly sourceId: SourceId; readonly quote?: string }
  | { readonly kind: 'assumed'; readonly why: string };

export interface RuleRef {
  /** Stable id, shown in the UI and used by tests. */
  readonly id: string;
  /** One line a trainee can read. */
  readonly summary: string;
  readonly source: RuleSource;
}

export function documented(sourceId: SourceId, quote?: string): RuleSource {
  return quote === undefined
    ? { kind: 'documented', sourceId }
    : { kind: 'documented', sourceId, quote };
}

export function assumed(why: string): RuleSource {
  return { kind: 'assumed', why };
}

export function sourceLabel(source: RuleSource): string {
  return source.kind === 'documented' ? `Documented (${source.sourceId})` : 'Assumed';
}
