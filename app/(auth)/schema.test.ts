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

  it('takes an email address pasted with spaces around it', () => {
    const join = joinSchema.parse({ token: 'x'.repeat(32), name: 'Nadia', email: ' nadia@newsroom.example\t', password: 'correct horse battery', confirm: 'correct horse battery' });
    expect(join.email).toBe('nadia@newsroom.example');
    expect(signInSchema.parse({ email: 'nadia@newsroom.example ', password: 'x' }).email).toBe('nadia@newsroom.example');
  });

  it('says the passwords differ together with the other mistakes', () => {
    const join = joinSchema.safeParse({ token: 'x'.repeat(32), name: '  ', email: 'nadia@', password: 'correct horse battery', confirm: 'correct horse batery' });
    expect(join.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'Enter your name.'],
      ['email', 'Enter a valid email address.'],
      ['confirm', 'The passwords do not match.'],
    ]);
  });
});
