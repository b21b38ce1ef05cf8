import { test as base } from '@playwright/test';
import { AuthPages } from './pages/auth';
import { ClaimSections } from './pages/claim-sections';
import { ReaderPages } from './pages/reader';

export const test = base.extend<{ reader: ReaderPages; auth: AuthPages; claimSections: ClaimSections }>({
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

export { expect } from '@playwright/test';

export const DEMO = {
  busArticle: 'Riverside says its new bus lanes cut commutes by a fifth',
  glassArticle: 'Glassworks expansion: a jobs promise meets questions over the river',
  disputedClaim: 'The Quay Road bus lanes pushed traffic onto side streets.',
  draftQuote: 'the council is measuring the one road it fixed and ignoring the five it broke',
};
