import type { Locator, Page } from '@playwright/test';

/**
 * The messages a page shows in its alerts (and, with `statuses`, its status lines), without
 * Next's route announcer: an alert of its own that reads out the new page's title after a
 * client-side navigation, and would otherwise make these locators match two elements.
 */
export function shownMessages(page: Page, { statuses = false } = {}): Locator {
  const alerts = statuses ? page.getByRole('alert').or(page.getByRole('status')) : page.getByRole('alert');
  return alerts.filter({ hasText: /\S/ }).and(page.locator(':not(#__next-route-announcer__)'));
}
