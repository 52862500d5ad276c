// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';

/** The module as a build with this base would have it. */
async function withBase(base: string) {
  vi.stubEnv('BASE_URL', base);
  vi.resetModules();
  return import('./api-base');
}

describe('the simulated API under the page’s base', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('at the site’s root, fetches and answers the Tines paths as they are', async () => {
    const base = await withBase('/');
    expect(base.API_ROUTE).toBe('/api/*');
    expect(base.pageUrlOf('/api/v1/info?x=1')).toBe('/api/v1/info?x=1');
    expect(base.tinesPathOf('/api/v1/info')).toBe('/api/v1/info');
  });

  it('under /klc/, fetches /klc/api/… and hands the handler the Tines path', async () => {
    const base = await withBase('/klc/');
    expect(base.API_ROUTE).toBe('/klc/api/*');
    expect(base.pageUrlOf('/api/v1/info?x=1')).toBe('/klc/api/v1/info?x=1');
    expect(base.tinesPathOf('/klc/api/v1/admin/users/usr_0002')).toBe(
      '/api/v1/admin/users/usr_0002',
    );
    // Paths outside the base are left as they are (the handler then answers 404 for them).
    expect(base.tinesPathOf('/api/v1/info')).toBe('/api/v1/info');
    for (const path of ['/api/v1/info', '/api/v1/stories?per_page=2']) {
      expect(base.tinesPathOf(new URL(base.pageUrlOf(path), 'http://x').pathname)).toBe(
        path.split('?')[0],
      );
    }
  });
});
