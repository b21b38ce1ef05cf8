import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { FormClient } from '../../scripts/lib/form-client';
import { runTsx } from '../support/setup';
import { shownMessages } from './messages';

export type Account = { name: string; email: string; password: string };

type Role = 'admin' | 'editor';

const base = `http://127.0.0.1:${process.env.E2E_PORT}`;

function invite(role: Role, more: string[]): string[] {
  const out = runTsx(['scripts/invite.ts', '--role', role, ...more], { APP_URL: base });
  return out.trim().split('\n');
}

// Links minted ahead, a batch per role and worker: each `npm run invite` is a tsx start of a
// second or two, and most tests sign someone up (about a hundred in a full run).
const unused: Record<Role, string[]> = { admin: [], editor: [] };

/** A one-time account link made with `npm run invite`, as an operator would. */
export function inviteLink(role: Role, email?: string): string {
  if (email) return invite(role, ['--email', email])[0]!;
  if (unused[role].length === 0) unused[role] = invite(role, ['--count', '10']);
  return unused[role].pop()!;
}

export const newAccount = (label: string): Account => ({
  name: `${label} ${randomUUID().slice(0, 6)}`,
  email: `${label.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@newsroom.example`,
  password: 'correct horse battery staple',
});

/** A new account of the given role, joined from its link over HTTP as a browser without JavaScript would: the client holds its session. */
export async function joinedOverHttp(role: Role, label: string): Promise<{ account: Account; client: FormClient }> {
  const client = new FormClient(base);
  const account = newAccount(label);
  const joined = await client.submit(
    new URL(inviteLink(role)).pathname,
    { name: account.name, email: account.email, password: account.password, confirm: account.password },
    'name',
  );
  expect(joined.status, `joining as ${role}`).toBe(303);
  return { account, client };
}

/** Signing up through links, signing in and out, as a person does in the browser. */
export class AuthPages {
  constructor(readonly page: Page) {}

  async join(link: string, account: Account) {
    await this.page.goto(link);
    await this.page.getByLabel('Your name').fill(account.name);
    await this.page.getByLabel('Email').fill(account.email);
    await this.page.getByLabel('Password', { exact: true }).fill(account.password);
    await this.page.getByLabel('Repeat the password').fill(account.password);
    await this.page.getByRole('button', { name: 'Create account' }).click();
    await expect(this.page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
  }

  async signIn(account: Pick<Account, 'email' | 'password'>) {
    await this.page.goto('/sign-in');
    await this.page.getByLabel('Email').fill(account.email);
    await this.page.getByLabel('Password').fill(account.password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** The form's error message. */
  formAlert() {
    return shownMessages(this.page);
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByRole('heading', { name: 'Articles', level: 1 })).toBeVisible();
  }

  /**
   * A new account of the given role, signed in on this page and on the workspace, where joining
   * lands. It joins over HTTP and the page takes its session cookie: the join form in the
   * browser is for tests of joining (join()), and filling it in for every other test took
   * minutes of a full run.
   */
  async signedIn(role: Role, label = role === 'admin' ? 'Admin' : 'Editor'): Promise<Account> {
    const { account, client } = await joinedOverHttp(role, label);
    // As the server sets it (better-auth's session cookie): HttpOnly, SameSite=Lax, the whole site.
    await this.page.context().addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: base, httpOnly: true, sameSite: 'Lax' as const })));
    await this.page.goto(`${base}/edit`);
    await expect(this.page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
    return account;
  }
}
