import type { Account, ApiKey, Credential, Tenant } from '../../core/model';

/** A ready-made request for the console's form. */
export interface ExampleRequest {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly body: string;
}

export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
export type Method = (typeof METHODS)[number];

/** Methods whose requests carry a body. */
export function takesBody(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH';
}

export const STATUS_TEXTS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  500: 'Internal Server Error',
};

const MAX_TEAM_EXAMPLES = 3;

function firstLiveAccount(tenant: Tenant): Account | undefined {
  for (const account of tenant.accounts.values()) {
    if (account.status !== 'deleted') return account;
  }
  return undefined;
}

function firstLiveCredential(tenant: Tenant): Credential | undefined {
  for (const credential of tenant.credentials.values()) {
    if (credential.deletedAt === null) return credential;
  }
  return undefined;
}

/**
 * Examples for the chosen key: the user endpoints aim at its creator (deactivate Jane with
 * Jane's tenant owner key is the FAQ's story), or at the first user when no key is chosen.
 */
export function exampleRequests(tenant: Tenant, key: ApiKey | undefined): ExampleRequest[] {
  const target = key === undefined ? firstLiveAccount(tenant) : tenant.accounts.get(key.createdBy);
  const examples: ExampleRequest[] = [
    { label: 'Stack info', method: 'GET', path: '/api/v1/info', body: '' },
    { label: 'List users', method: 'GET', path: '/api/v1/admin/users', body: '' },
  ];
  if (target !== undefined) {
    const user = `/api/v1/admin/users/${target.id}`;
    examples.push(
      { label: `Get ${target.name}`, method: 'GET', path: user, body: '' },
      {
        label: `Deactivate ${target.name}`,
        method: 'PUT',
        path: user,
        body: '{\n  "is_active": false\n}',
      },
      {
        label: `Reactivate ${target.name}`,
        method: 'PUT',
        path: user,
        body: '{\n  "is_active": true\n}',
      },
      {
        label: `Make ${target.name} a member (not owner)`,
        method: 'PUT',
        path: user,
        body: '{\n  "admin": false\n}',
      },
      { label: `Delete ${target.name}`, method: 'DELETE', path: user, body: '' },
    );
  }
  examples.push(
    { label: 'Audit log', method: 'GET', path: '/api/v1/audit_logs', body: '' },
    { label: 'List credentials', method: 'GET', path: '/api/v1/user_credentials', body: '' },
    {
      label: 'Credentials with the stories and actions using them',
      method: 'GET',
      path: '/api/v1/user_credentials?include_references=true',
      body: '',
    },
    {
      label: 'Credentials no action uses',
      method: 'GET',
      path: '/api/v1/user_credentials?filter=UNUSED_IN_ACTIONS',
      body: '',
    },
  );
  const credential = firstLiveCredential(tenant);
  if (credential !== undefined) {
    examples.push({
      label: `Get credential ${credential.name}`,
      method: 'GET',
      path: `/api/v1/user_credentials/${credential.id}?include_references=true`,
      body: '',
    });
  }
  examples.push({ label: 'List stories', method: 'GET', path: '/api/v1/stories', body: '' });
  for (const team of [...tenant.teams.values()].slice(0, MAX_TEAM_EXAMPLES)) {
    examples.push(
      {
        label: `Members of ${team.name}`,
        method: 'GET',
        path: `/api/v1/teams/${team.id}/members`,
        body: '',
      },
      {
        label: `Credentials of ${team.name}`,
        method: 'GET',
        path: `/api/v1/user_credentials?team_id=${team.id}`,
        body: '',
      },
      {
        label: `Stories of ${team.name}`,
        method: 'GET',
        path: `/api/v1/stories?team_id=${team.id}`,
        body: '',
      },
      {
        label: `Create a story in ${team.name}`,
        method: 'POST',
        path: '/api/v1/stories',
        body: JSON.stringify({ team_id: team.id, name: 'Triage alerts' }, null, 2),
      },
    );
  }
  return examples;
}
