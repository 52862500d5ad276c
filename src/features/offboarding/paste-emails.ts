/**
 * A pasted list of emails (for big tenants: a leavers' list from HR), read against the tenant.
 * One email per line, or separated by commas or semicolons; `Name <email>` (what mail clients
 * and this console's exports write) counts as its email. Emails are stored lower-cased, so the
 * list is read lower-cased. Pure: the picker shows the message and keeps the text as it was.
 */
import { type AccountId, latestAccountForEmail, type Tenant } from '../../core/model';

export interface PastedEmails {
  /** The accounts to select, in the order pasted, each once. */
  readonly found: readonly AccountId[];
  /** Emails no account of this tenant ever had. */
  readonly unknown: readonly string[];
  /** Emails whose every account is deleted: nothing left to change. */
  readonly deleted: readonly string[];
  /** Emails listed more than once (named once each). */
  readonly duplicates: readonly string[];
  /** How many emails the text held, repeats included. */
  readonly total: number;
}

function emailOf(entry: string): string {
  const bracketed = /<([^<>]*)>/.exec(entry);
  return (bracketed?.[1] ?? entry).trim().toLowerCase();
}

export function readPastedEmails(tenant: Tenant, text: string): PastedEmails {
  const emails = text
    .split(/[\r\n,;]+/)
    .map(emailOf)
    .filter((email) => email !== '');
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const found: AccountId[] = [];
  const unknown: string[] = [];
  const deleted: string[] = [];
  for (const email of emails) {
    if (seen.has(email)) {
      duplicates.add(email);
      continue;
    }
    seen.add(email);
    const account = latestAccountForEmail(tenant, email);
    if (account === undefined) unknown.push(email);
    else if (account.status === 'deleted') deleted.push(email);
    else found.push(account.id);
  }
  return { found, unknown, deleted, duplicates: [...duplicates], total: emails.length };
}

/** Long lists are cut: the message names this many, then says how many more. */
export const NAMED_AT_MOST = 20;

function listed(emails: readonly string[]): string {
  const named = emails.slice(0, NAMED_AT_MOST).join(', ');
  const more = emails.length - NAMED_AT_MOST;
  return more > 0 ? `${named} and ${more} more` : named;
}

/** The lines the picker shows after a paste: what was selected, then each problem, named. */
export function pastedMessage(result: PastedEmails): string[] {
  if (result.total === 0)
    return ['No email in the box: paste one per line, or separate them with commas.'];
  const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
  const lines = [
    `Selected ${people(result.found.length)} from ${result.total} ${result.total === 1 ? 'email' : 'emails'}.`,
  ];
  if (result.unknown.length > 0) {
    lines.push(`Not found in this tenant (${result.unknown.length}): ${listed(result.unknown)}.`);
  }
  if (result.deleted.length > 0) {
    lines.push(
      `Already deleted, nothing to change (${result.deleted.length}): ${listed(result.deleted)}.`,
    );
  }
  if (result.duplicates.length > 0) {
    lines.push(
      `Listed more than once (${result.duplicates.length}): ${listed(result.duplicates)}.`,
    );
  }
  return lines;
}
