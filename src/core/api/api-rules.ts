/**
 * The rules the simulated API adds on top of validity (401) and permission (403): how a request
 * is read. The vendor documents the paths (S7) and the credential headers (S2); the rest is the
 * simulator's choice, marked assumed.
 */
import { assumed, documented, type RuleRef } from '../rule-sources';

export const API_RULES = {
  noCredentials: {
    id: 'api.no-credentials',
    summary:
      'A request must carry its key as `Authorization: Bearer <key>` or `x-user-token: <key>`; without one it is refused (401).',
    source: documented(
      'S2',
      'Include your API token in the Authorization header of your requests, prefixed with "Bearer" and a single space.',
    ),
  },
  notFound: {
    id: 'api.not-found',
    summary:
      'A path the simulated API does not serve, or a user, team or page that does not exist, answers 404.',
    source: assumed(
      'The simulator serves only the endpoints of this console; deleted users are gone from the admin API.',
    ),
  },
  methodNotAllowed: {
    id: 'api.method-not-allowed',
    summary: 'A served path called with another method answers 405 and lists the allowed ones.',
    source: assumed('HTTP semantics; the vendor does not document it.'),
  },
  tooLarge: {
    id: 'api.too-large',
    summary:
      'A request over the simulator’s limits is refused before it is read: a path and query over 8,192 characters answers 414, headers over 16,384 bytes 431, a body over 65,536 bytes 413.',
    source: assumed(
      'Web servers refuse oversized requests before the application sees them; the vendor documents no limits, so these are the simulator’s own.',
    ),
  },
  unsupportedMediaType: {
    id: 'api.unsupported-media-type',
    summary:
      'A body sent as anything but JSON (application/json, or text/plain as fetch labels a bare string; UTF-8 only) answers 415.',
    source: assumed('HTTP semantics; the vendor’s examples send application/json.'),
  },
  badRequest: {
    id: 'api.bad-request',
    summary:
      'A method that is not an HTTP method, a body that is not the JSON object the endpoint takes, or a query parameter out of range or given twice, answers 400 with the reason.',
    source: assumed(
      'The vendor says most 4xx responses carry a body explaining the error; its shape is not documented.',
    ),
  },
  conflict: {
    id: 'api.conflict',
    summary:
      'A change the tenant refuses (the lifecycle does not allow it) answers 409 with the refusal.',
    source: assumed('The vendor does not document this case.'),
  },
  timeTravel: {
    id: 'api.time-travel',
    summary:
      'While the console shows an earlier moment, a change through the API is refused (409): it would drop the later events unconfirmed.',
    source: assumed('The simulator’s own timeline; the vendor has no such thing.'),
  },
} as const satisfies Record<string, RuleRef>;
