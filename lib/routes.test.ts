import { describe, expect, it } from 'vitest';
import { externalHref } from './routes';

describe('externalHref', () => {
  it('links http and https addresses as they are', () => {
    expect(externalHref('https://records.example/report?id=4#p2')).toBe('https://records.example/report?id=4#p2');
    expect(externalHref('http://news.example/a')).toBe('http://news.example/a');
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/',
    '/relative',
    'not a url',
    '',
    null,
    undefined,
  ])('refuses %j', (url) => {
    expect(externalHref(url)).toBeUndefined();
  });
});
