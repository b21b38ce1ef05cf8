import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { AuthPages } from './pages/auth';
import { ClaimSections } from './pages/claim-sections';
import { ReaderPages } from './pages/reader';

/**
 * React's hydration errors, minified (#418 markup, #423 the root rendered again, #425 text) and
 * as development builds word them. When hydration fails React draws the page again in the browser
 * and drops what the server's answer carried (a form's message, a file chosen), with no sign on screen.
 */
const HYDRATION_ERROR = /Minified React error #(418|423|425)\b|Hydration failed|hydrated but some attributes|error while hydrating|did not match\. Server|Text content does not match/i;

type Guard = {
  /**
   * Fail the test when a page of its own context, or of any context it opens with
   * browser.newContext() or browser.newPage(), logs a hydration error or throws uncaught. On for
   * every spec; a test that causes a page error on purpose opts out with
   * test.use({ failOnPageErrors: false }) and a comment saying which error and why.
   */
  failOnPageErrors: boolean;
  /** The errors seen, and the watching of every context the test's browser opens. */
  pageErrors: { errors: string[]; watch: (context: BrowserContext) => void };
};

export const test = base.extend<Guard & { reader: ReaderPages; auth: AuthPages; claimSections: ClaimSections }>({
  failOnPageErrors: [true, { option: true }],
  pageErrors: [
    async ({ browser, failOnPageErrors }, use) => {
      const errors: string[] = [];
      const watched = new WeakSet<BrowserContext>();
      const watchPage = (page: Page) => {
        page.on('pageerror', (error) => errors.push(`${page.url()}: uncaught ${error.message.split('\n')[0]}`));
        page.on('console', (message) => {
          if (message.type() === 'error' && HYDRATION_ERROR.test(message.text())) errors.push(`${page.url()}: ${message.text().split('\n')[0]}`);
        });
      };
      const watch = (context: BrowserContext) => {
        if (watched.has(context)) return;
        watched.add(context);
        context.pages().forEach(watchPage);
        context.on('page', watchPage);
      };
      // Contexts the test opens itself (a second editor, a reader without JavaScript) are watched
      // too; browser.newPage() opens its context through newContext(). Those of beforeAll are not:
      // the worker's browser outlives this test.
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const context = await newContext.apply(browser, args);
        watch(context);
        return context;
      };
      try {
        await use({ errors, watch });
      } finally {
        browser.newContext = newContext;
      }
      // After the test's contexts closed (they are set up after this fixture, so torn down before it).
      if (failOnPageErrors) expect(errors, 'pages hydrated without errors and threw none').toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context, pageErrors }, use) => {
    pageErrors.watch(context);
    await use(context);
  },
  reader: async ({ page }, use) => {
    await use(new ReaderPages(page));
  },
  auth: async ({ page }, use) => {
    await use(new AuthPages(page));
  },
  claimSections: async ({ page }, use) => {
    await use(new ClaimSections(page));
  },
});

export { expect };

export const DEMO = {
  busArticle: 'Riverside says its new bus lanes cut commutes by a fifth',
  glassArticle: 'Glassworks expansion: a jobs promise meets questions over the river',
  disputedClaim: 'The Quay Road bus lanes pushed traffic onto side streets.',
  draftQuote: 'the council is measuring the one road it fixed and ignoring the five it broke',
};
