import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * What axe finds: violations, and colour-contrast checks it could not decide. It files
 * text it cannot measure (a 1:1 ratio, a lone symbol, text over an image) under
 * `incomplete`, which is where the blue-on-blue "New article" button hid. `include` limits
 * the check to part of the page (the overlay on a publisher's page); `undecided: false`
 * leaves out the undecided checks, for a popover that overlaps the page and so leaves axe
 * unable to tell any background (check it without the popover first).
 */
export async function axeFindings(
  page: Page,
  label: string,
  { include, undecided = true }: { include?: string; undecided?: boolean } = {},
): Promise<string[]> {
  // axe cannot measure text inside an SVG image (it files every chart label as an undecided
  // contrast check), so charts are left out here and their text colour is checked by chartText() in e2e/a11y.spec.ts.
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('.chart');
  if (include) builder.include(include);
  const results = await builder.analyze();
  const unsure = undecided ? results.incomplete.filter((rule) => rule.id === 'color-contrast') : [];
  return [...results.violations, ...unsure].flatMap((rule) =>
    rule.nodes.map((node) => `${label}: ${rule.id}: ${node.target.join(' ')} ${node.html.slice(0, 160)} ${node.failureSummary ?? ''}`.trim()),
  );
}
