import fs from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { AuthPages, inviteLink, newAccount } from './pages/auth';

test.describe('accounts', () => {
  test('the printed setup link creates the first admin, once', async ({ page, auth }) => {
    const link = fs.readFileSync(`${process.env.E2E_DATABASE_PATH}.setup-link`, 'utf8').trim();
    const admin = newAccount('Admin');
    await auth.join(link, admin);
    await expect(page.getByRole('navigation', { name: 'Workspace' })).toContainText('(admin)');
    await auth.signOut();
    // The link works once.
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
  });

  test('an admin invites an editor, who signs in; editors cannot open admin pages', async ({ page, auth, browser }) => {
    await auth.signedIn('admin');
    await page.getByRole('link', { name: 'People' }).click();
    const editor = newAccount('Editor');
    await page.getByLabel('Email (optional)').fill(editor.email);
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const link = await page.getByLabel('Invitation link').inputValue();
    expect(link).toContain('/join/');

    const context = await browser.newContext();
    const other = await context.newPage();
    const otherAuth = new AuthPages(other);
    // The invitation is tied to its address.
    await other.goto(link);
    await other.getByLabel('Your name').fill(editor.name);
    await other.getByLabel('Email').fill('someone-else@newsroom.example');
    await other.getByLabel('Password', { exact: true }).fill(editor.password);
    await other.getByLabel('Repeat the password').fill(editor.password);
    await other.getByRole('button', { name: 'Create account' }).click();
    await expect(other.getByText('Use the email address this invitation was sent to.')).toBeVisible();
    // What was typed stays (but not the password).
    await expect(other.getByLabel('Your name')).toHaveValue(editor.name);

    await otherAuth.join(link, editor);
    await expect(other.getByRole('navigation', { name: 'Workspace' })).toContainText('(editor)');
    await expect(other.getByRole('link', { name: 'People' })).toHaveCount(0);
    const forbidden = await other.goto('/edit/users');
    expect(forbidden?.status()).toBe(403);
    await expect(other.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    await other.goto('/edit');
    await otherAuth.signOut();
    await otherAuth.signIn(editor);
    await expect(other.getByRole('heading', { name: 'Articles', level: 1 })).toBeVisible();
    await expect(other).toHaveURL(/\/edit$/);
    await context.close();
  });

  test('an admin withdraws an invitation sent to the wrong address, and its link stops working', async ({ page, auth, browser }) => {
    const admin = await auth.signedIn('admin');
    await page.goto('/edit/users');
    const mistyped = `${newAccount('Mistyped').email.replace('@', '.typo@')}`;
    await page.getByLabel('Email (optional)').fill(mistyped);
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const link = await page.getByLabel('Invitation link').inputValue();
    const open = page.getByRole('region', { name: 'Open invitations' });
    const row = open.getByRole('row', { name: new RegExp(mistyped.replace(/[.+]/g, '\\$&')) });
    await expect(row).toContainText('editor');
    await expect(row).toContainText(admin.name);

    // The invitee's tab is open on the link when the admin withdraws it.
    const context = await browser.newContext();
    const invitee = await context.newPage();
    await invitee.goto(link);
    await row.getByRole('button', { name: /^Withdraw the editor invitation for/ }).click();
    await expect(row).toHaveCount(0);
    await invitee.getByLabel('Your name').fill('Wrong Person');
    await invitee.getByLabel('Email').fill(mistyped);
    await invitee.getByLabel('Password', { exact: true }).fill('a long enough password');
    await invitee.getByLabel('Repeat the password').fill('a long enough password');
    await invitee.getByRole('button', { name: 'Create account' }).click();
    await expect(invitee.getByText(/This link has expired or was already used/)).toBeVisible();
    await invitee.goto(link);
    await expect(invitee.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
    await context.close();
  });

  test('a disabled account is signed out at once and cannot sign in', async ({ page, auth, browser }) => {
    const editor = newAccount('Disabled');
    const context = await browser.newContext();
    const editorPage = await context.newPage();
    const editorAuth = new AuthPages(editorPage);
    await editorAuth.join(inviteLink('editor'), editor);

    await auth.signedIn('admin');
    await page.goto('/edit/users');
    await page.getByRole('button', { name: `Disable ${editor.name}` }).click();
    // The name itself starts with "Disabled": wait for the saved state, not just the word.
    await expect(page.getByRole('button', { name: `Enable ${editor.name}` })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(editor.name) })).toContainText('Disabled ·');

    await editorPage.goto('/edit');
    await expect(editorPage).toHaveURL(/\/sign-in/);
    await editorAuth.signIn(editor);
    await expect(editorAuth.formAlert()).toContainText('do not match an active account');
    await context.close();
  });

  test('signed-out visitors are sent to sign in; failed sign-ins are limited', async ({ page, auth }) => {
    await page.goto('/edit');
    await expect(page).toHaveURL(/\/sign-in/);
    const editor = newAccount('Limited');
    await auth.join(inviteLink('editor'), editor);
    await auth.signOut();
    for (let i = 0; i < 5; i++) {
      await auth.signIn({ email: editor.email, password: 'wrong password!' });
      await expect(auth.formAlert()).toContainText('do not match');
    }
    // Even the right password is refused while the account is locked.
    await auth.signIn(editor);
    await expect(auth.formAlert()).toContainText('Too many attempts');
  });

  test('failed sign-ins count against the connection’s address, not an address the client names', async ({ browser }) => {
    const failures = () => {
      const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true });
      try {
        return db.prepare("select key, last_request as at from rate_limits where key like 'sign-in:address:%'").all() as { key: string; at: number }[];
      } finally {
        db.close();
      }
    };
    const started = Date.now();
    // A client that rotates these headers must not get a fresh per-address allowance each time.
    const claimed = '203.0.113.77';
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': claimed, 'X-Real-IP': claimed, 'X-Claimline-Peer': claimed } });
    const auth = new AuthPages(await context.newPage());
    await auth.signIn({ email: newAccount('Nobody').email, password: 'wrong password!' });
    await expect(auth.formAlert()).toContainText('do not match');
    await context.close();
    // Counted against the address the browser connects from.
    expect(failures().find((r) => r.key === 'sign-in:address:127.0.0.1')?.at).toBeGreaterThanOrEqual(started);
    expect(failures().map((r) => r.key).join(' ')).not.toContain(claimed);
  });
});
