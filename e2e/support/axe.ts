import AxeBuilder from '@axe-core/playwright';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Of those, the rules that judge colours (axe 4.13's cat.color: contrast, links told apart
 * from text by colour). The dark theme changes colours only (custom properties and dark: classes), so these
 * are the checks whose outcome it can change; the others would find the same in both schemes.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** The axe-core AxeBuilder runs (its own copy: the lint plugin brings another version), 1.3 MB of script. */
const AXE_SOURCE = (createRequire(require.resolve('@axe-core/playwright'))('axe-core') as { source: string }).source;

/**
 * What axe finds: violations, and colour-contrast checks it could not decide. It files
 * text it cannot measure (a 1:1 ratio, a lone symbol, text over an image) under
 * `incomplete`, which is where the blue-on-blue "New article" button hid. `include` limits
 * the check to part of the page (the overlay on a publisher's page); `undecided: false`
 * leaves out the undecided checks, for a popover that overlaps the page and so leaves axe
 * unable to tell any background (check it without the popover first); `colours` runs the
 * colour rules alone.
 */
export async function axeFindings(
  page: Page,
  label: string,
  { include, undecided = true, colours = false }: { include?: string; undecided?: boolean; colours?: boolean } = {},
): Promise<string[]> {
  // axe cannot measure text inside an SVG image (it files every chart label as an undecided
  // contrast check), so charts are left out here and their text colour is checked by chartText() in e2e/a11y.spec.ts.
  // The axe script goes into a document once; AxeBuilder would put it in again (twice) for each check.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // axe.run() in the page itself: by default the run is split across frames and finished in a
  // blank page opened for each check. What this leaves out, frames from another origin, no
  // checked page has.
  const builder = new AxeBuilder({ page, axeSource: ';' }).setLegacyMode().exclude('.chart');
  if (colours) builder.withRules(COLOUR_RULES);
  else builder.withTags(TAGS);
  if (include) builder.include(include);
  const results = await builder.analyze();
  const unsure = undecided ? results.incomplete.filter((rule) => rule.id === 'color-contrast') : [];
  return [...results.violations, ...unsure].flatMap((rule) =>
    rule.nodes.map((node) => `${label}: ${rule.id}: ${node.target.join(' ')} ${node.html.slice(0, 160)} ${node.failureSummary ?? ''}`.trim()),
  );
}

/**
 * axe on the page as it is loaded, in the light theme with every rule, then in the dark one with
 * the colour rules (what else it checks is the same markup again); the page is left light.
 */
export async function axeInBothSchemes(page: Page, label: string, options: { include?: string; undecided?: boolean } = {}): Promise<string[]> {
  await page.emulateMedia({ colorScheme: 'light' });
  const found = await axeFindings(page, `${label} (light)`, options);
  await page.emulateMedia({ colorScheme: 'dark' });
  found.push(...(await axeFindings(page, `${label} (dark)`, { ...options, colours: true })));
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}
