import { expect, test } from './fixtures';
import { AnnotatorPage } from './pages/annotator';
import { newAccount } from './pages/auth';
import { BoardPage } from './pages/board';
import { IntakePage } from './pages/intake';

const TITLE = 'Northbridge library hours cut as council trims budget';
const ARTICLE = [
  'Northbridge council will close the central library on Mondays from April, the council said on Tuesday.',
  'The council leader said the change saves £240,000 a year. Library users collected 3,100 signatures against the plan.',
  '“Nobody asked the people who use it,” said a volunteer who runs the homework club.',
].join('\n\n');

test('the whole editor flow: invite, paste, annotate, source, response, status, publish, read', async ({ page, auth, claimSections }) => {
  // An admin invites an editor from the People page.
  const admin = await auth.signedIn('admin', 'Chief');
  await page.getByRole('link', { name: 'People' }).click();
  const editor = newAccount('Editor');
  await page.getByLabel('Email (optional)').fill(editor.email);
  await page.getByRole('button', { name: 'Create invitation' }).click();
  const link = await page.getByLabel('Invitation link').inputValue();
  await auth.signOut();

  // The editor joins with the link and pastes an article.
  await auth.join(link, editor);
  await expect(page.getByRole('navigation', { name: 'Workspace' })).toContainText('(editor)');
  const intake = new IntakePage(page);
  await intake.open();
  await intake.pasteText(ARTICLE, { title: TITLE, outlet: 'Northbridge Echo', author: 'A. Reporter' });
  await expect(page).toHaveURL(/\/edit\/articles\/\d+$/);
  const annotator = new AnnotatorPage(page);
  await expect(annotator.text()).toBeVisible();

  // Three claims: two from selections, one from a suggestion.
  await annotator.createClaim('close the central library on Mondays from April', {
    statement: 'The central library will close on Mondays from April.',
    newParty: 'Northbridge council',
  });
  const libraryClaim = page.url();
  await annotator.createClaim('the change saves £240,000 a year', { statement: 'Closing on Mondays saves £240,000 a year.' });
  const savingsClaim = page.url();
  const suggestions = page.getByRole('region', { name: /Suggestions/ });
  await suggestions.getByRole('button', { name: /Accept suggestion: “Nobody asked the people/ }).click();
  await expect(annotator.editor().getByLabel('Statement')).toHaveValue('“Nobody asked the people who use it,” said a volunteer who runs the homework club.');
  await expect(page.getByRole('region', { name: /3 claims in this article/ })).toBeVisible();

  // A source and a party's response on the savings claim, in the claim panel.
  await page.goto(savingsClaim);
  await claimSections.addSource({
    url: 'https://northbridge-council.example/budget/2026-libraries',
    title: 'Library budget 2026',
    publisher: 'Northbridge Council',
    publishedOn: '2026-02-10',
    relation: 'Supports',
    excerpt: 'Monday closure: saving £240,000 a year.',
  });
  await expect(claimSections.sources().getByRole('listitem', { name: 'Library budget 2026' })).toContainText('Supports');
  await claimSections.addResponse({
    newParty: 'Friends of Northbridge Library',
    stance: 'disputes',
    quote: 'Most of that saving is staff moved to other branches.',
    respondedOn: '2026-03-01',
  });
  await expect(claimSections.responses()).toContainText('Friends of Northbridge Library disputes');

  // Status with a note, saved and sent for review in one step (sign-off is on: a second editor publishes it).
  await annotator.saveForReview('Disputed', 'Library users say the saving counts staff who would move elsewhere.');
  await expect(annotator.panel()).toContainText('Workflow: Ready for review');
  await page.goto(libraryClaim);
  await annotator.setStatus('Confirmed', 'The council’s published timetable shows Monday closures.');
  await annotator.move('Start checking', 'Ask for review');
  await auth.signOut();

  // The admin, a second editor, approves both on the review board.
  await auth.signIn(admin);
  await expect(page).toHaveURL(/\/edit$/);
  const board = new BoardPage(page);
  await board.open();
  for (const statement of ['Closing on Mondays saves £240,000 a year.', 'The central library will close on Mondays from April.']) {
    await board.card('ready_for_review', statement).getByRole('button', { name: /^Approve and publish/ }).click();
    await expect(board.card('published', statement)).toBeVisible();
  }

  // A reader (signed out) sees the highlighted article and the claim page with its history.
  await auth.signOut();
  await page.goto('/');
  await page.getByRole('link', { name: TITLE }).first().click();
  const highlights = page.locator('.article-body mark a');
  await expect(highlights).toHaveText(['close the central library on Mondays from April', 'the change saves £240,000 a year']);
  await highlights.filter({ hasText: '£240,000' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Closing on Mondays saves £240,000 a year.');
  await expect(page.locator('main header .badge').first()).toContainText('Disputed');
  await expect(page.getByText('Library users say the saving counts staff who would move elsewhere.').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sources' }).getByRole('link', { name: 'Library budget 2026' })).toBeVisible();
  const responses = page.getByRole('region', { name: 'Responses' });
  await expect(responses).toContainText('Friends of Northbridge Library');
  await expect(responses).toContainText('Most of that saving is staff moved to other branches.');
  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText('Claim recorded');
  // The draft's working steps stay internal: readers see the verdict as it was published.
  await expect(history).not.toContainText('Status changed');
  await expect(history).toContainText('Source added: Library budget 2026');
  await expect(history).toContainText('Response recorded from Friends of Northbridge Library');
  await expect(history).toContainText(`Published as Disputed: verdict by ${editor.name}, approved by ${admin.name}`);
  // The unpublished third claim stays invisible to readers.
  await expect(page.locator('.article-body')).toHaveCount(0);
});
