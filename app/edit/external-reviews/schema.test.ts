import { describe, expect, it } from 'vitest';
import { decideSchema, importSchema } from './schema';

describe('the import form', () => {
  it('takes any http(s) address, IP literals included (the safe fetcher decides what it may reach)', () => {
    for (const url of ['https://factdesk.example/feed.json', 'http://127.0.0.1:4000/feed-x.json', ' https://[2001:db8::1]/review ']) {
      expect(importSchema.safeParse({ mode: 'url', url }).success, url).toBe(true);
    }
    for (const url of ['javascript:alert(1)', 'ftp://files.example/feed.json', '']) {
      expect(importSchema.safeParse({ mode: 'url', url }).success, url).toBe(false);
    }
  });

  it('takes a file up to 2 MB, and says so beside the field when it is larger or missing', () => {
    expect(importSchema.safeParse({ mode: 'file', file: { name: 'feed.jsonld', size: 10, text: '{}' } }).success).toBe(true);
    const big = importSchema.safeParse({ mode: 'file', file: { name: 'feed.jsonld', size: 2_000_001, text: '' } });
    expect(big.success).toBe(false);
    expect(big.error?.issues[0]?.message).toBe('The file is too large: at most 2 MB.');
    expect(importSchema.safeParse({ mode: 'file' }).error?.issues[0]?.message).toBe('Choose a JSON-LD file.');
  });

  it('decides with confirm or reject only', () => {
    expect(decideSchema.safeParse({ reviewId: '1', claimId: '2', version: '1', decision: 'confirm' }).success).toBe(true);
    expect(decideSchema.safeParse({ reviewId: '1', claimId: '2', version: '1', decision: 'accept' }).success).toBe(false);
  });
});
