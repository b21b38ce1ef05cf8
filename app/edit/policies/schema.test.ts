import { describe, expect, it } from 'vitest';
import { policySchema } from './schema';

const parse = (body: string) => policySchema.safeParse({ page: 'contact', baseId: '3', body, note: '' });

describe('policy form', () => {
  it('keeps the first line’s indent (four spaces are a code block), dropping blank lines around the text', () => {
    expect(parse('\r\n  \n    npm run start\n\nThat is all.\n \n').data?.body).toBe('    npm run start\n\nThat is all.');
  });

  it('refuses a text of white space only, Unicode spaces included', () => {
    for (const body of ['', '   ', '\n\n\t\n', '\u3000\u00a0\n']) expect(parse(body).success, JSON.stringify(body)).toBe(false);
  });
});
