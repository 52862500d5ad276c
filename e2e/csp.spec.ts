import { createHash } from 'node:crypto';
import { expect, test } from './fixtures/console-page';

/**
 * The built page carries a strict Content-Security-Policy (README, "Hosting"). Every test of the
 * suite fails on a `securitypolicyviolation` (the fixture); these check the policy itself, and
 * that it is in force.
 */

const policyOf = (html: string): string =>
  /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';

test.describe('Content-Security-Policy', () => {
  test('the built page has a strict policy, with the inline theme script allowed by its hash', async ({
    request,
  }) => {
    const html = await (await request.get('/')).text();
    const policy = policyOf(html);
    const directives = new Map(
      policy.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    for (const [name, value] of [
      ['default-src', ["'self'"]],
      ['style-src', ["'self'"]],
      ['connect-src', ["'self'"]],
      ['worker-src', ["'self'"]],
      ['object-src', ["'none'"]],
      ['base-uri', ["'none'"]],
      ['form-action', ["'none'"]],
    ] as const) {
      expect(directives.get(name), name).toEqual(value);
    }
    // The one inline script, the theme's, by the hash of its text as served.
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(inline).toHaveLength(1);
    const hash = createHash('sha256')
      .update(inline[0] ?? '', 'utf8')
      .digest('base64');
    expect(directives.get('script-src')).toEqual(["'self'", `'sha256-${hash}'`]);
    // Before anything it governs: right after the charset.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<link'));
  });

  test('is in force: an inline script or style added later is refused, and reported', async ({
    browser,
    baseURL,
  }) => {
    // A page of its own: the suite's guard would count these refusals as failures.
    const context = await browser.newContext(baseURL === undefined ? {} : { baseURL });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('table', { name: 'People', exact: true })).toBeVisible();
    const refused = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(event.effectiveDirective);
      });
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { outline: 9px solid red; }';
      document.head.append(style);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return {
        seen,
        ran: (window as unknown as { __injected?: boolean }).__injected === true,
        styled: getComputedStyle(document.body).outlineWidth === '9px',
      };
    });
    expect(refused).toEqual({
      seen: ['script-src-elem', 'style-src-elem'],
      ran: false,
      styled: false,
    });
    await context.close();
  });

  test('the workers and the simulated API run under it', async ({ consolePage, page }) => {
    // The large tenant comes from the core worker; the API answers from its service worker.
    await page.goto('/?scenario=large&people=300');
    await expect(page.getByText(/^Showing 3\d\d of 3\d\d accounts$/)).toBeVisible({
      timeout: 30_000,
    });
    await consolePage.openView('API');
    await consolePage.waitForApi();
    const response = await consolePage.api('GET', '/api/v1/info');
    expect(response.status).toBe(401);
  });
});
