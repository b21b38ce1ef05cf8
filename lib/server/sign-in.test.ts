import { performance } from 'node:perf_hooks';
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { createInvite, getUserByEmail, redeemInvite, setUserDisabled } from '@/db/queries/users';
import { rateLimits } from '@/db/schema';
import { removeDatabase, useFreshDatabase } from '@/db/testing';
import { checkSignIn } from './sign-in';

// Parallel sign-ins against a real database file, as a server handling many requests at once
// runs them: each call starts (and reserves its attempt) before any password check finishes.

const PASSWORD = 'a long and right password';
let file: string;
let email: string;
let disabledEmail: string;

function account(name: string): string {
  const { token } = createInvite({ role: 'editor', createdBy: null, ttlMs: 60_000 });
  return redeemInvite({ token, name, email: `${name.toLowerCase()}@newsroom.example`, passwordHash: hash }).email;
}
let hash: string;

/** verifyPassword, counting how many passwords were really checked (scrypt runs). */
function countingVerify() {
  const counter = {
    runs: 0,
    verify: (input: { hash: string; password: string }) => {
      counter.runs++;
      return verifyPassword(input);
    },
  };
  return counter;
}

beforeAll(async () => {
  file = useFreshDatabase();
  hash = await hashPassword(PASSWORD);
  email = account('Rosalind');
  disabledEmail = account('Dorothy');
  const disabled = getUserByEmail({ email: disabledEmail })!;
  setUserDisabled({ id: disabled.id, disabled: true, actorId: 'an-admin' });
});
afterAll(() => removeDatabase(file));
beforeEach(() => {
  getDb().delete(rateLimits).run();
});

const reasons = (results: Awaited<ReturnType<typeof checkSignIn>>[]) =>
  results.map((r) => (r.ok ? 'ok' : r.reason)).reduce<Record<string, number>>((acc, r) => ({ ...acc, [r]: (acc[r] ?? 0) + 1 }), {});

// scrypt runs take a few hundred milliseconds on a busy machine.
describe('accounts made from invitation links', () => {
  it('store the name as safe text: the join form does not go through the action wrapper', () => {
    const { token } = createInvite({ role: 'editor', createdBy: null, ttlMs: 60_000 });
    const user = redeemInvite({ token, name: '  Ada\u0001 \u001b[31mLovelace\ufffe ', email: 'ada@newsroom.example', passwordHash: hash });
    expect(user.name).toBe('Ada [31mLovelace');
  });
});

describe('sign-in limits under parallel requests', { timeout: 60_000 }, () => {
  it('60 parallel wrong passwords for one account: only the limit of 5 reach the password check', async () => {
    const counter = countingVerify();
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => checkSignIn({ email, password: `wrong ${i}`, address: null }, { verify: counter.verify })),
    );
    expect(counter.runs).toBe(5);
    expect(reasons(results)).toEqual({ mismatch: 5, rate_limited: 55 });
  });

  it('the right password sent after 25 parallel wrong ones is refused, and signs in no session', async () => {
    const counter = countingVerify();
    const wrong = Array.from({ length: 25 }, (_, i) => checkSignIn({ email, password: `guess ${i}`, address: '198.51.100.7' }, { verify: counter.verify }));
    const right = checkSignIn({ email: email.toUpperCase(), password: PASSWORD, address: '198.51.100.8' }, { verify: counter.verify });
    const [rightResult, ...wrongResults] = await Promise.all([right, ...wrong]);
    expect(rightResult).toEqual({ ok: false, reason: 'rate_limited' });
    expect(reasons(wrongResults)).toEqual({ mismatch: 5, rate_limited: 20 });
    expect(counter.runs).toBe(5);
  });

  it('a right password among parallel wrong ones does not wipe them: the account locks after the limit all the same', async () => {
    // The right one is reserved first, so it is inside the limit and signs in.
    const batch = await Promise.all([
      checkSignIn({ email, password: PASSWORD, address: null }),
      ...[1, 2, 3].map((i) => checkSignIn({ email, password: `typo ${i}`, address: null })),
    ]);
    expect(reasons(batch)).toEqual({ ok: 1, mismatch: 3 });
    // Three failures still count: two more use up the five, and then even the right password waits.
    for (const i of [4, 5]) expect(await checkSignIn({ email, password: `typo ${i}`, address: null })).toEqual({ ok: false, reason: 'mismatch' });
    expect(await checkSignIn({ email, password: PASSWORD, address: null })).toEqual({ ok: false, reason: 'rate_limited' });
  });

  it('60 parallel wrong passwords from one address, each for another account: only the address limit of 20 are checked', async () => {
    const counter = countingVerify();
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        checkSignIn({ email: i % 2 ? `nobody-${i}@elsewhere.example` : email, password: `spray ${i}`, address: '203.0.113.50' }, { verify: counter.verify }),
      ),
    );
    expect(counter.runs).toBeLessThanOrEqual(20);
    expect(results.filter((r) => !r.ok && r.reason === 'mismatch').length).toBe(counter.runs);
    // Another address still gets its own allowance for an account that is not locked.
    expect(await checkSignIn({ email: 'someone@elsewhere.example', password: 'x', address: '203.0.113.51' })).toEqual({ ok: false, reason: 'mismatch' });
  });

  // Three scrypt runs a round; `npm run test:timing` runs 50 rounds (SIGN_IN_TIMING_ROUNDS).
  const rounds = Number(process.env.SIGN_IN_TIMING_ROUNDS ?? 15);
  it(`refusing an unknown or a disabled account takes as long as a wrong password (within 20 % over ${rounds} rounds)`, async () => {
    const limits = { account: 1000, address: 1000 };
    const times: Record<'unknown' | 'disabled' | 'wrong', number[]> = { unknown: [], disabled: [], wrong: [] };
    const cases = { unknown: 'not-here@newsroom.example', disabled: disabledEmail, wrong: email } as const;
    await checkSignIn({ email: cases.unknown, password: 'warm-up', address: null }, { limits });
    for (let i = 0; i < rounds; i++) {
      // All three every round, in a rotating order, so a burst of load on a shared machine falls on each alike.
      const kinds = (['unknown', 'disabled', 'wrong'] as const).map((_, k, all) => all[(i + k) % all.length]!);
      for (const kind of kinds) {
        const start = performance.now();
        const result = await checkSignIn({ email: cases[kind], password: kind === 'disabled' ? PASSWORD : `nope ${i}`, address: null }, { limits });
        times[kind].push(performance.now() - start);
        expect(result).toEqual({ ok: false, reason: 'mismatch' });
      }
    }
    // Compared round by round (each with the wrong password of its own round), so a slow stretch of a
    // shared machine slows both sides of a ratio rather than one side of a median.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = (kind: 'unknown' | 'disabled') => median(times[kind].map((t, i) => t / times.wrong[i]!));
    expect(Math.abs(ratio('unknown') - 1)).toBeLessThan(0.2);
    expect(Math.abs(ratio('disabled') - 1)).toBeLessThan(0.2);
  }, 240_000);
});
