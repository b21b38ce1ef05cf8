import { describe, expect, it } from 'vitest';
import { joinSchema } from '@/app/(auth)/schema';
import { inviteSchema } from './schema';

describe('an invitation for one address', () => {
  it('takes the address with the spaces a paste brings, as joining does, so the two match', () => {
    const invite = inviteSchema.parse({ email: '  amaal.yusuf@courier.example\t', role: 'editor', days: '7' });
    const join = joinSchema.parse({ token: 'x'.repeat(20), name: 'Amaal Yusuf', email: ' amaal.yusuf@courier.example ', password: 'Brücke „später“ 12', confirm: 'Brücke „später“ 12' });
    expect(invite.email).toBe(join.email);
  });

  it('leaves the address out when none is given, and says what is wrong with a bad one', () => {
    expect(inviteSchema.parse({ role: 'admin' }).email).toBe('');
    expect(inviteSchema.parse({ email: '   ', role: 'admin' }).email).toBe('');
    expect(inviteSchema.safeParse({ email: 'amaal at courier', role: 'editor' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['email', 'Enter a valid email address, or leave it empty.'],
    ]);
  });
});
