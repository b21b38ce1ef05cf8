import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { FormClient } from '../scripts/lib/form-client';
import { inviteLink, newAccount } from './pages/auth';

// Every server action, posted straight over HTTP (as a script would, without the
// pages that hide buttons) by a signed-out visitor, a disabled editor, an editor and
// an admin. Whether it happened is read from the database, not from the response.

type Who = 'anonymous' | 'disabled' | 'editor' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'disabled', 'editor', 'admin'];
const base = `http://127.0.0.1:${process.env.E2E_PORT}`;

function query<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true });
  try {
    return db.prepare(sql).pluck().get(...params) as T;
  } finally {
    db.close();
  }
}

async function member(role: 'admin' | 'editor') {
  const client = new FormClient(base);
  const account = newAccount(role === 'admin' ? 'Matrix admin' : 'Matrix editor');
  const joined = await client.submit(
    new URL(inviteLink(role)).pathname,
    { name: account.name, email: account.email, password: account.password, confirm: account.password },
    'name',
  );
  expect(joined.status, `joining as ${role}`).toBe(303);
  const id = query<string>('select id from users where email = ?', account.email.toLowerCase());
  return { client, id };
}

type Case = {
  name: string;
  /** Who may do it. */
  allowed: Who[];
  /** A page where an admin finds the action's form, and a field that identifies the form. */
  page: string;
  field: string;
  /** Fields for one attempt, and whether that attempt changed the database. */
  attempt: () => { fields: Record<string, string>; happened: () => boolean };
};

test('every server action allows exactly the roles it should, whoever calls it over HTTP', async () => {
  test.setTimeout(120_000);
  const admin = await member('admin');
  const editor = await member('editor');
  const disabled = await member('editor');
  const victim = await member('editor');
  const clients: Record<Who, FormClient> = {
    anonymous: new FormClient(base),
    disabled: disabled.client,
    editor: editor.client,
    admin: admin.client,
  };
  const articleId = query<number>('select id from articles order by id limit 1');
  const body = query<string>(
    'select r.body from article_revisions r join articles a on a.current_revision_id = r.id where a.id = ?',
    articleId,
  );
  const sentenceEnd = body.indexOf('.') + 1;
  const claimId = query<number>('select id from claims where article_id = ? order by id limit 1', articleId);
  const partyId = query<number>('select id from parties order by id limit 1');
  // Revised in its own article, so the passages chosen above stay where they are.
  const revisedId = query<number>('select id from articles order by id desc limit 1');
  const disableForm = await admin.client.readForm('/edit/users', 'userId');
  const disabledOff = await admin.client.post('/edit/users', disableForm, { userId: disabled.id, disabled: 'true' });
  expect(disabledOff.status).toBeLessThan(400);
  expect(query('select disabled_at from users where id = ?', disabled.id)).not.toBeNull();

  const cases: Case[] = [
    {
      name: 'create an article',
      allowed: ['editor', 'admin'],
      page: '/edit/articles/new',
      field: 'text',
      attempt: () => {
        const title = `Matrix article ${randomUUID()}`;
        return {
          fields: { mode: 'text', title, text: 'The mayor said the ferry runs every hour.' },
          happened: () => query<number>('select count(*) from articles where title = ?', title) > 0,
        };
      },
    },
    {
      name: 'revise an article',
      allowed: ['editor', 'admin'],
      page: `/edit/articles/${revisedId}/revise`,
      field: 'body',
      attempt: () => {
        const marker = `Matrix revision ${randomUUID()}`;
        return {
          fields: { mode: 'text', articleId: String(revisedId), body: `${marker}.\n\nThe rest of the article was cut.` },
          happened: () => query<number>('select count(*) from article_revisions where body like ?', `${marker}%`) > 0,
        };
      },
    },
    {
      name: 'create a claim',
      allowed: ['editor', 'admin'],
      page: `/edit/articles/${articleId}?start=0&end=${sentenceEnd}`,
      field: 'exact',
      attempt: () => {
        const statement = `Matrix claim ${randomUUID()}`;
        return {
          fields: { statement },
          happened: () => query<number>('select count(*) from claims where statement = ?', statement) > 0,
        };
      },
    },
    {
      name: 'save a claim',
      allowed: ['editor', 'admin'],
      page: `/edit/articles/${articleId}?claim=${claimId}`,
      field: 'version',
      attempt: () => {
        const note = `Matrix note ${randomUUID()}`;
        const current = query<number>('select version from claims where id = ?', claimId);
        return {
          // The claim may be published: a verdict change then carries a correction note and,
          // under sign-off, waits as a pending change.
          fields: { version: String(current), statusNote: note, correction: 'Matrix correction' },
          happened: () =>
            query<number>('select count(*) from claims where id = ? and ? in (status_note, pending_status_note)', claimId, note) > 0,
        };
      },
    },
    {
      name: 'add a source to a claim',
      allowed: ['editor', 'admin'],
      page: `/edit/claims/${claimId}`,
      field: 'relation',
      attempt: () => {
        const url = `https://records.example/matrix/${randomUUID()}`;
        return {
          fields: { sourceId: '', url, title: 'Matrix source', relation: 'supports' },
          happened: () => query<number>('select count(*) from sources where url = ?', url) > 0,
        };
      },
    },
    {
      name: 'record a response',
      allowed: ['editor', 'admin'],
      page: `/edit/claims/${claimId}`,
      field: 'stance',
      attempt: () => {
        const quote = `Matrix response ${randomUUID()}`;
        return {
          fields: { responseId: '', partyId: '', newPartyName: 'Matrix party', stance: 'disputes', quote },
          happened: () => query<number>('select count(*) from responses where quote = ?', quote) > 0,
        };
      },
    },
    {
      name: 'create a party',
      allowed: ['editor', 'admin'],
      page: '/edit/parties',
      field: 'kind',
      attempt: () => {
        const name = `Matrix party ${randomUUID().slice(0, 8)}`;
        return {
          fields: { id: '', name, kind: 'organization' },
          happened: () => query<number>('select count(*) from parties where name = ?', name) > 0,
        };
      },
    },
    {
      name: 'edit a party',
      allowed: ['editor', 'admin'],
      page: `/edit/parties/${partyId}`,
      field: 'description',
      attempt: () => {
        const description = `Matrix description ${randomUUID()}`;
        return {
          fields: { id: String(partyId), description },
          happened: () => query<number>('select count(*) from parties where id = ? and description = ?', partyId, description) > 0,
        };
      },
    },
    {
      name: 'invite a member',
      allowed: ['admin'],
      page: '/edit/users',
      field: 'days',
      attempt: () => {
        const email = `matrix-${randomUUID().slice(0, 8)}@newsroom.example`;
        return {
          fields: { email, role: 'admin', days: '7' },
          happened: () => query<number>('select count(*) from invites where email = ?', email) > 0,
        };
      },
    },
    {
      name: 'move a claim in the workflow',
      allowed: ['editor', 'admin'],
      page: '/edit/board',
      field: 'to',
      attempt: () => {
        // Back and forth between draft and in progress, so each allowed attempt has a legal move.
        const id = query<number>("select id from claims where workflow in ('draft', 'in_progress') order by id limit 1");
        const to = query<string>('select workflow from claims where id = ?', id) === 'draft' ? 'in_progress' : 'draft';
        return {
          fields: { claimId: String(id), to },
          happened: () => query<string>('select workflow from claims where id = ?', id) === to,
        };
      },
    },
    {
      name: 'set the sign-off rule',
      allowed: ['admin'],
      page: '/edit/users',
      field: 'required',
      attempt: () => {
        const required = query<string | undefined>("select value from meta where key = 'sign_off_required'") === 'false' ? 'true' : 'false';
        return {
          fields: { required },
          happened: () => (query<string | undefined>("select value from meta where key = 'sign_off_required'") ?? 'true') === required,
        };
      },
    },
    {
      name: 'disable a member',
      allowed: ['admin'],
      page: '/edit/users',
      field: 'userId',
      attempt: () => ({
        fields: { userId: victim.id, disabled: 'true' },
        happened: () => query('select disabled_at from users where id = ?', victim.id) !== null,
      }),
    },
  ];

  const outcome: Record<string, Record<Who, boolean>> = {};
  const expected: Record<string, Record<Who, boolean>> = {};
  for (const c of cases) {
    const form = await admin.client.readForm(c.page, c.field);
    outcome[c.name] = {} as Record<Who, boolean>;
    expected[c.name] = {} as Record<Who, boolean>;
    for (const who of EVERYONE) {
      const { fields, happened } = c.attempt();
      const response = await clients[who].post(c.page, form, fields);
      expect(response.status, `${who}: ${c.name}`).toBeLessThan(500);
      outcome[c.name]![who] = happened();
      expected[c.name]![who] = c.allowed.includes(who);
      if (c.name === 'disable a member' && happened()) {
        await admin.client.post('/edit/users', form, { userId: victim.id, disabled: 'false' });
      }
      // Later specs expect the default rule.
      if (c.name === 'set the sign-off rule' && happened()) {
        await admin.client.post('/edit/users', form, { required: fields.required === 'true' ? 'false' : 'true' });
      }
    }
  }
  expect(outcome).toEqual(expected);
});
