import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { runTsx } from '../support/setup';

export type Account = { name: string; email: string; password: string };

/** A one-time account link made with `npm run invite`, as an operator would. */
export function inviteLink(role: 'admin' | 'editor', email?: string): string {
  const args = ['scripts/invite.ts', '--role', role, ...(email ? ['--email', email] : [])];
  return runTsx(args, { APP_URL: `http://127.0.0.1:${process.env.E2E_PORT}` }).trim();
}

export const newAccount = (label: string): Account => ({
  name: `${label} ${randomUUID().slice(0, 6)}`,
  email: `${label.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@newsroom.example`,
  password: 'correct horse battery staple',
});

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

  /** The form's error message (Next's empty route announcer is also an alert). */
  formAlert() {
    return this.page.getByRole('alert').filter({ hasText: /\S/ });
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByRole('heading', { name: 'Articles', level: 1 })).toBeVisible();
  }

  /** A new account of the given role, signed in on this page. */
  async signedIn(role: 'admin' | 'editor', label = role === 'admin' ? 'Admin' : 'Editor'): Promise<Account> {
    const account = newAccount(label);
    await this.join(inviteLink(role), account);
    return account;
  }
}
