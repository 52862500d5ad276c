/**
 * The simulated Tines REST API as plain data: a request in, a response and the events it caused
 * out. No HTTP here: the service worker (src/api) turns fetches into these and back.
 */
import type { TenantEvent } from '../events';
import type { Tenant } from '../model';

export interface ApiRequest {
  readonly method: string;
  /** Path and query, as sent: `/api/v1/admin/users?page=2`. */
  readonly url: string;
  /** Header names lower-cased, as the Fetch API gives them. */
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body text; null or empty when there is none. */
  readonly body: string | null;
}

export interface ApiResponse {
  readonly status: number;
  /** Lower-cased names. Every response names the rule that decided it (`x-simulator-rule`). */
  readonly headers: Readonly<Record<string, string>>;
  /** A JSON value, or null for an empty body (204). */
  readonly body: unknown;
}

/** What the API works on: the tenant now and the log that made it (the audit log reads it). */
export interface ApiState {
  readonly tenant: Tenant;
  readonly events: readonly TenantEvent[];
}

export interface ApiOutcome {
  readonly response: ApiResponse;
  /**
   * The events the request made, in order, each already accepted against the tenant before it
   * (`apply`). The caller appends them to the log; none when the request changed nothing.
   */
  readonly events: readonly TenantEvent[];
}
