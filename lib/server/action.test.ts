import { describe, expect, it } from 'vitest';
import { formToObject } from './action';

describe('formToObject', () => {
  it('keeps repeated fields as arrays and drops Next’s action fields', () => {
    const form = new FormData();
    form.append('tag', 'a');
    form.append('tag', 'b');
    form.append('$ACTION_ID_x', '');
    form.append('title', 'Ferry');
    expect({ ...formToObject(form) }).toEqual({ tag: ['a', 'b'], title: 'Ferry' });
  });

  it('treats __proto__ and constructor as plain keys, never touching the prototype', () => {
    const form = new FormData();
    form.append('__proto__', 'x');
    form.append('__proto__', 'y');
    form.append('constructor', 'z');
    const out = formToObject(form);
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(Object.keys(out).sort()).toEqual(['__proto__', 'constructor']);
    expect(out['__proto__']).toEqual(['x', 'y']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('makes every text safe before any schema sees it: NFC, no controls or non-characters, \\n line ends', () => {
    // (FormData itself turns an unpaired surrogate into U+FFFD, so none arrives here.)
    const form = new FormData();
    form.append('statement', 'Cafe\u0301 closes\u0001\u001b \ufffe\u0085early');
    // A browser posts every line break typed in a textarea as CRLF: an excerpt of two lines was
    // stored so, and was then not found as written in the source's archived copy (\n line ends).
    form.append('note', 'line one\r\nline\ttwo\rthree');
    expect({ ...formToObject(form) }).toEqual({ statement: 'Café closes \nearly', note: 'line one\nline\ttwo\nthree' });
  });
});
