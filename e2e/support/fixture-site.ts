import { test } from '../fixtures';
import { startFixtureSite, type FixtureSite } from '../../lib/testing/fixture-site';

/**
 * Pages served by the spec itself on loopback, under a name the e2e server resolves to 127.0.0.1
 * (CLAIMLINE_FETCH_TEST_HOSTS in scripts/e2e-server.mjs): the forms take domain names only.
 * Started before the spec file's tests and closed after them.
 */
export function useFixtureSite() {
  const port = Number(process.env.E2E_PORT) + 2;
  const fixture = {
    site: undefined as unknown as FixtureSite,
    url: (path: string) => `http://fixture.example.net:${port}${path}`,
  };
  test.beforeAll(async () => {
    fixture.site = await startFixtureSite(port);
  });
  test.afterAll(() => fixture.site.close());
  return fixture;
}
