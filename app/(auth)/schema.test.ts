import { describe, expect, it } from 'vitest';
import { joinSchema, signInSchema } from './schema';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe('what a person typing too much is told', () => {
  it('says how long a name or a password may be, in words, not the validator’s own wording', () => {
    const password = 'correct horse battery staple';
    const join = joinSchema.safeParse({ token: 'x'.repeat(32), name: 'Nadia '.repeat(30), email: 'nadia@newsroom.example', password: password.repeat(10), confirm: password.repeat(10) });
    const signIn = signInSchema.safeParse({ email: 'nadia@newsroom.example', password: password.repeat(10) });
    expect([...messages(join), ...messages(signIn)]).toEqual(['At most 120 characters.', 'At most 256 characters.', 'At most 256 characters.']);
  });
});
