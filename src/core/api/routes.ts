/**
 * Routing: a method and a path to an endpoint of the simulated API. Paths follow the real API
 * (`/api/v1/...`, S7); ids are the simulator's own (`usr_0002`, `team_automation`).
 */

export type Endpoint =
  | { readonly name: 'info' }
  | { readonly name: 'list_users' }
  | { readonly name: 'get_user'; readonly userId: string }
  | { readonly name: 'update_user'; readonly userId: string }
  | { readonly name: 'delete_user'; readonly userId: string }
  | { readonly name: 'audit_logs' }
  | { readonly name: 'team_members'; readonly teamId: string }
  | { readonly name: 'create_story' }
  | { readonly name: 'list_credentials' }
  | { readonly name: 'get_credential'; readonly credentialId: string }
  | { readonly name: 'list_stories' };

export type Route =
  | { readonly kind: 'found'; readonly endpoint: Endpoint }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'method_not_allowed'; readonly allowed: readonly string[] };

interface PathPattern {
  /** Path segments after `/api/v1/`; `:id` matches one segment. */
  readonly segments: readonly string[];
  readonly methods: Readonly<Record<string, (id: string) => Endpoint>>;
}

const PATTERNS: readonly PathPattern[] = [
  { segments: ['info'], methods: { GET: () => ({ name: 'info' }) } },
  { segments: ['admin', 'users'], methods: { GET: () => ({ name: 'list_users' }) } },
  {
    segments: ['admin', 'users', ':id'],
    methods: {
      GET: (userId) => ({ name: 'get_user', userId }),
      PUT: (userId) => ({ name: 'update_user', userId }),
      DELETE: (userId) => ({ name: 'delete_user', userId }),
    },
  },
  { segments: ['audit_logs'], methods: { GET: () => ({ name: 'audit_logs' }) } },
  {
    segments: ['teams', ':id', 'members'],
    methods: { GET: (teamId) => ({ name: 'team_members', teamId }) },
  },
  {
    segments: ['stories'],
    methods: { GET: () => ({ name: 'list_stories' }), POST: () => ({ name: 'create_story' }) },
  },
  { segments: ['user_credentials'], methods: { GET: () => ({ name: 'list_credentials' }) } },
  {
    segments: ['user_credentials', ':id'],
    methods: { GET: (credentialId) => ({ name: 'get_credential', credentialId }) },
  },
];

/** Every endpoint as its method and path template, for the request console's suggestions. */
export const ENDPOINT_TEMPLATES: ReadonlyArray<{ readonly method: string; readonly path: string }> =
  PATTERNS.flatMap((pattern) =>
    Object.keys(pattern.methods).map((method) => ({
      method,
      path: `/api/v1/${pattern.segments.map((s) => (s === ':id' ? '{id}' : s)).join('/')}`,
    })),
  );

const PREFIX = '/api/v1/';

/** The segments of a path under `/api/v1/`, decoded; null when it is not under it or undecodable. */
function segmentsOf(path: string): string[] | null {
  if (!path.startsWith(PREFIX)) return null;
  const rest = path.slice(PREFIX.length).replace(/\/+$/, '');
  if (rest === '') return null;
  try {
    return rest.split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
}

function matches(pattern: PathPattern, segments: readonly string[]): string | null | false {
  if (pattern.segments.length !== segments.length) return false;
  let id: string | null = null;
  for (let i = 0; i < segments.length; i++) {
    const expected = pattern.segments[i];
    const actual = segments[i] ?? '';
    if (expected === ':id') {
      if (actual === '') return false;
      id = actual;
    } else if (expected !== actual) {
      return false;
    }
  }
  return id;
}

/** Route a request. `path` has no query string. Methods are compared upper-cased. */
export function route(method: string, path: string): Route {
  const segments = segmentsOf(path);
  if (segments === null) return { kind: 'not_found' };
  for (const pattern of PATTERNS) {
    const id = matches(pattern, segments);
    if (id === false) continue;
    const endpoint = pattern.methods[method.toUpperCase()];
    if (endpoint === undefined) {
      return { kind: 'method_not_allowed', allowed: Object.keys(pattern.methods) };
    }
    return { kind: 'found', endpoint: endpoint(id ?? '') };
  }
  return { kind: 'not_found' };
}
