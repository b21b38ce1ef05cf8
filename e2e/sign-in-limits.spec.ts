import http from 'node:http';
import { FormClient, type FormFields } from '../scripts/lib/form-client';
import { expect, test } from './fixtures';
import { joinedOverHttp, newAccount, type Account } from './pages/auth';

// An attacker guessing passwords in parallel, as plain HTTP clients posting the sign-in form
// all at once to the production server. Each test connects from an address of its own in
// 127.0.0.0/8 (the per-address limit keys on the connection's address), so the buckets it
// fills do not lock out the browser tests, which connect from 127.0.0.1.

const base = `http://127.0.0.1:${process.env.E2E_PORT}`;
type Answer = { status: number; outcome: 'mismatch' | 'limited' | 'signed-in' | 'other'; cookie: boolean };

/** Posts the sign-in form from `localAddress`, the way a no-JS browser submits it. */
async function postSignIn(form: FormFields, fields: { email: string; password: string }, localAddress: string): Promise<Answer> {
  const body = new FormData();
  for (const [name, value] of form) if (name !== 'email' && name !== 'password') body.append(name, value);
  body.append('email', fields.email);
  body.append('password', fields.password);
  const encoded = new Response(body);
  const bytes = Buffer.from(await encoded.arrayBuffer());
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${base}/sign-in`,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: { origin: base, 'content-type': encoded.headers.get('content-type')!, 'content-length': bytes.length },
      },
      (response) => {
        let html = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (html += chunk));
        response.on('end', () => {
          const cookie = (response.headers['set-cookie'] ?? []).some((c) => /session_token=[^;]/.test(c));
          const outcome = response.statusCode === 303 ? 'signed-in' : /do not match/.test(html) ? 'mismatch' : /Too many attempts/.test(html) ? 'limited' : 'other';
          resolve({ status: response.statusCode ?? 0, outcome, cookie });
        });
      },
    );
    request.on('error', reject);
    request.end(bytes);
  });
}

const tally = (answers: Answer[]) => answers.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.outcome]: (acc[a.outcome] ?? 0) + 1 }), {});

async function newMember(): Promise<Account> {
  return (await joinedOverHttp('editor', 'Guessed')).account;
}

test.describe('sign-in limits under parallel guessing', () => {
  test.setTimeout(120_000);
  let form: FormFields;
  test.beforeAll(async () => {
    form = await new FormClient(base).readForm('/sign-in', 'email');
  });

  test('60 parallel wrong passwords for one account: no more than the 5 allowed are checked', async () => {
    const account = await newMember();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => postSignIn(form, { email: account.email, password: `wrong guess ${i}` }, '127.0.0.21')),
    );
    expect(tally(answers)).toEqual({ mismatch: 5, limited: 55 });
  });

  test('the right password sent while 25 wrong ones are in flight is refused once the limit is reached', async () => {
    const account = await newMember();
    let limitReached!: () => void;
    const reached = new Promise<void>((resolve) => (limitReached = resolve));
    const wrong = Array.from({ length: 25 }, (_, i) =>
      postSignIn(form, { email: account.email, password: `wrong guess ${i}` }, '127.0.0.22').then((answer) => {
        if (answer.outcome === 'limited') limitReached();
        return answer;
      }),
    );
    await reached;
    // From another address, so only the account's limit stands in the way.
    const right = await postSignIn(form, { email: account.email, password: account.password }, '127.0.0.23');
    const answers = await Promise.all(wrong);
    expect(right).toEqual({ status: 200, outcome: 'limited', cookie: false });
    expect(tally(answers)).toEqual({ mismatch: 5, limited: 20 });
    // The failures were not wiped by anything: the account is still locked afterwards.
    expect((await postSignIn(form, { email: account.email, password: account.password }, '127.0.0.23')).outcome).toBe('limited');
  });

  test('60 parallel wrong passwords from one address for different accounts: no more than the 20 allowed are checked', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => postSignIn(form, { email: newAccount(`Sprayed ${i}`).email, password: 'spring2026!' }, '127.0.0.24')),
    );
    expect(tally(answers)).toEqual({ mismatch: 20, limited: 40 });
    // The right password of an unlocked account, from another address, still signs in.
    const account = await newMember();
    const answer = await postSignIn(form, { email: account.email, password: account.password }, '127.0.0.25');
    expect(answer).toEqual({ status: 303, outcome: 'signed-in', cookie: true });
  });
});
