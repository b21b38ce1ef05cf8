import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * What axe finds: violations, and colour-contrast checks it could not decide. It files
 * text it cannot measure (a 1:1 ratio, a lone symbol, text over an image) under
 * `incomplete`, which is where the blue-on-blue "New article" button hid.
 */
export async function axeFindings(page: Page, label: string): Promise<string[]> {
  // axe cannot measure text inside an SVG image (it files every chart label as an undecided
  // contrast check), so charts are left out here and their text colour is checked by chartText() in e2e/a11y.spec.ts.
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('.chart').analyze();
  const undecided = results.incomplete.filter((rule) => rule.id === 'color-contrast');
  return [...results.violations, ...undecided].flatMap((rule) =>
    rule.nodes.map((node) => `${label}: ${rule.id}: ${node.target.join(' ')} ${node.html.slice(0, 160)} ${node.failureSummary ?? ''}`.trim()),
  );
}
