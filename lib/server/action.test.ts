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
});
