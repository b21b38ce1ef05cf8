import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wantsEditor } from '@/scripts/connection-route.mjs';
import { SESSION_COOKIE } from './session-cookie.mjs';

// Cookie headers as browsers, proxies and hand-written clients send them, and whether each is a
// signed-in person's (better-auth names its cookies better-auth.session_token and
// better-auth.session_data, with __Secure- over https).
const HEADERS: [string, boolean][] = [
  ['better-auth.session_token=Yz9f.Qm%2Bx', true],
  ['__Secure-better-auth.session_token=Yz9f.Qm%2Bx', true],
  ['__Host-session=1', true],
  ['theme=dark; better-auth.session_token=abc', true],
  ['theme=dark;better-auth.session_token=abc', true],
  ['theme=dark;   \tbetter-auth.session_data=abc', true],
  ['BETTER-AUTH.SESSION_TOKEN=abc', true],
  ['Better-Auth.Session_Token=abc', true],
  ['sessionid=1', true],
  ['my_session=', true],
  ['theme=dark', false],
  ['', false],
  ['session', false],
  ['theme=session_token=abc', false],
  ['theme=dark, better-auth.session_token=abc', false],
  ['utm=«session»=1', false],
  ['préférence=sombre; lang=ar-EG', false],
  ['__Secure-theme=dark; 🍪=1', false],
  ['x=1;session-replay-id=9', true],
];

/** The VCL's pattern as JavaScript: the only `req.http.cookie ~ "…"` test, with PCRE's (?i) as the i flag. */
function vclPattern(): RegExp {
  const vcl = fs.readFileSync(new URL('../deploy/varnish/claimline.vcl', import.meta.url), 'utf8');
  const found = [...vcl.matchAll(/req\.http\.cookie\s*~\s*"([^"]*)"/g)].map((m) => m[1]!);
  expect(found).toHaveLength(1);
  const source = found[0]!;
  return source.startsWith('(?i)') ? new RegExp(source.slice(4), 'i') : new RegExp(source);
}

describe('the session cookie pattern', () => {
  it.each(HEADERS)('Cookie: %j is a session: %s', (header, signedIn) => {
    expect(SESSION_COOKIE.test(header)).toBe(signedIn);
    // Varnish passes the same requests to the app, and shares a copy of the same others.
    expect(vclPattern().test(header)).toBe(signedIn);
    // The connection router sends the same ones to the editor process.
    expect(wantsEditor(`GET /claims HTTP/1.1\r\nHost: claims.example\r\nCookie: ${header}\r\n\r\n`)).toBe(signedIn);
  });
});
