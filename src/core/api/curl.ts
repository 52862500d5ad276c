/**
 * The `curl` command for a request of the console, against the real tenant. The simulator's
 * secrets work only in the simulator, so the key is written as `$TINES_API_KEY`.
 */

export interface CurlRequest {
  readonly method: string;
  /** Path and query: `/api/v1/admin/users?page=2`. */
  readonly url: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
  readonly body: string | null;
}

export const KEY_VARIABLE = 'TINES_API_KEY';

/** One shell word in single quotes; a quote inside becomes `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A header, with `secret` (if it holds it) replaced by the variable, in double quotes. */
function headerWord(name: string, value: string, secret: string | null): string {
  const text = `${name}: ${value}`;
  if (secret === null || secret === '' || !text.includes(secret)) return shellQuote(text);
  const escaped = text.replace(/["\\$`]/g, (c) => `\\${c}`);
  return `"${escaped.replaceAll(secret, `$${KEY_VARIABLE}`)}"`;
}

/** A multi-line command for a POSIX shell, against `https://<domain>`. */
export function curlCommand(domain: string, request: CurlRequest, secret: string | null): string {
  const lines = [
    `curl -X ${request.method.toUpperCase()} ${shellQuote(`https://${domain}${request.url}`)}`,
  ];
  for (const [name, value] of request.headers) lines.push(`-H ${headerWord(name, value, secret)}`);
  if (request.body !== null && request.body !== '') lines.push(`-d ${shellQuote(request.body)}`);
  return lines.join(' \\\n  ');
}
