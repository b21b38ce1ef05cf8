import { expect, test } from './fixtures';

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? '';

test.describe('security headers', () => {
  test('pages, routes, errors and static files all carry them', async ({ request }) => {
    const home = await request.get('/');
    const stylesheet = /\/_next\/static\/[^"]+\.css/.exec(await home.text())?.[0];
    expect(stylesheet).toBeTruthy();

    for (const path of ['/', '/api/health', '/claims/999999', '/no-such-page', stylesheet!]) {
      const headers = (await request.get(path)).headers();
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      if (path === stylesheet) continue;
      const policy = headers['content-security-policy'] ?? '';
      expect(directive(policy, 'frame-ancestors'), path).toBe("frame-ancestors 'none'");
      expect(headers['x-frame-options'], path).toBe('DENY');
      const scripts = directive(policy, 'script-src');
      expect(scripts, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(scripts, path).not.toContain('unsafe-inline');
      expect(scripts, path).not.toContain('unsafe-eval');
    }
  });

  test('every response gets its own nonce, and it is the one on the page’s scripts', async ({ request }) => {
    const [a, b] = [await request.get('/'), await request.get('/')];
    const nonceOf = (policy = '') => /'nonce-([^']+)'/.exec(policy)?.[1];
    const first = nonceOf(a.headers()['content-security-policy']);
    expect(first).toBeTruthy();
    expect(nonceOf(b.headers()['content-security-policy'])).not.toBe(first);
    const html = await a.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${first}"`);
  });

  test('the app’s own scripts run under the policy: client navigation works and nothing is blocked', async ({ page, reader }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await reader.openHome();
    // A marker survives only a client-side navigation, which needs Next's scripts to have run.
    await page.evaluate(() => Object.assign(window, { stayed: true }));
    // Whichever article the home page lists first (in a full run, other specs' articles come before the demo's).
    const first = page.getByRole('region', { name: 'Articles' }).getByRole('heading', { level: 2 }).getByRole('link').first();
    const title = (await first.textContent())!;
    await first.click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  });
});
