/** The `curl` command that sends a request of the console to the real tenant. */

export interface CurlRequest {
  readonly method: string;
  /** Path and query: `/api/v1/admin/users?page=2`. */
  readonly url: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
  readonly body: string | null;
}

/** One shell word in single quotes; a quote inside becomes `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A multi-line command for a POSIX shell, against `https://<domain>`. */
export function curlCommand(domain: string, request: CurlRequest): string {
  const lines = [
    `curl -X ${request.method.toUpperCase()} ${shellQuote(`https://${domain}${request.url}`)}`,
  ];
  for (const [name, value] of request.headers) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body !== null && request.body !== '') lines.push(`-d ${shellQuote(request.body)}`);
  return lines.join(' \\\n  ');
}
