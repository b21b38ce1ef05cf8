// A browser without JavaScript, for tests and scripts that drive the real server over
// HTTP: keeps cookies, reads a page's <form>, and posts it the way a no-JS browser
// does (Next renders every server action form with hidden $ACTION fields for that).
import { randomUUID } from 'node:crypto';
import { JSDOM } from 'jsdom';

export type FormFields = [name: string, value: string][];
export type Answer = { status: number; location: string | null; html: string };

/**
 * A new one-time key for a create form read once and posted many times (lib/form-fields.ts
 * formKey), as if each post were the form drawn again: without it every post after the first is
 * the same form sent twice (it gets the first one's result and saves nothing) or, from another
 * account, refused. Nothing when the form has no key.
 */
export function freshFormKey(form: FormFields): { formKey?: string } {
  return form.some(([name]) => name === 'formKey') ? { formKey: randomUUID() } : {};
}

export class FormClient {
  readonly cookies = new Map<string, string>();

  /**
   * @param base e.g. http://127.0.0.1:3107
   * @param answerMs how long a request may wait for its answer before it fails with a TimeoutError (default: undici's 300 s)
   */
  constructor(
    readonly base: string,
    readonly answerMs?: number,
  ) {}

  private signal() {
    return this.answerMs ? AbortSignal.timeout(this.answerMs) : undefined;
  }

  keepCookies(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { ...(cookie ? { cookie } : {}), ...extra };
  }

  /** GET without following redirects: { status, location, html }. */
  async get(path: string): Promise<Answer> {
    const request = () => fetch(new URL(path, this.base), { headers: this.headers(), redirect: 'manual', signal: this.signal() });
    // A kept-alive connection the server closes just as it is reused fails the request; a GET may simply be sent again.
    const response = await request().catch(request);
    this.keepCookies(response);
    return { status: response.status, location: response.headers.get('location'), html: await response.text() };
  }

  /**
   * The fields of the first form on `path` that has an input named `field`
   * (hidden action fields included), as [name, value] pairs. `button` picks among
   * forms with the same fields by their submit button's text or aria-label.
   */
  async readForm(path: string, field: string, button?: RegExp): Promise<FormFields> {
    const { status, html } = await this.get(path);
    const document = new JSDOM(html).window.document;
    const named = (b: Element) => button!.test(b.getAttribute('aria-label') ?? b.textContent ?? '');
    const form = [...document.querySelectorAll('form')].find(
      (f) => f.querySelector(`[name="${field}"]`) && (!button || [...f.querySelectorAll('button')].some(named)),
    );
    if (!form) throw new Error(`no form with a "${field}" field${button ? ` and a ${button} button` : ''} on ${path} (HTTP ${status})`);
    const pairs: FormFields = [];
    for (const input of form.querySelectorAll('input, textarea, select')) {
      const name = input.getAttribute('name');
      if (!name) continue;
      const type = input.getAttribute('type');
      if ((type === 'radio' || type === 'checkbox') && !input.hasAttribute('checked')) continue;
      pairs.push([name, (input as HTMLInputElement).value ?? '']);
    }
    return pairs;
  }

  /**
   * Posts `fields` (replacing same-named ones) with the form's hidden fields to `path`,
   * as a no-JS browser would: { status, location, html }. Redirects are not followed.
   */
  async post(path: string, formFields: FormFields, fields: Record<string, string>, extraHeaders: Record<string, string> = {}): Promise<Answer> {
    const body = new FormData();
    const replaced = new Set(Object.keys(fields));
    for (const [name, value] of formFields) if (!replaced.has(name)) body.append(name, value);
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    const response = await fetch(new URL(path, this.base), {
      method: 'POST',
      body,
      headers: this.headers({ origin: this.base, ...extraHeaders }),
      redirect: 'manual',
      signal: this.signal(),
    });
    this.keepCookies(response);
    return { status: response.status, location: response.headers.get('location'), html: await response.text() };
  }

  /** readForm + post in one go. */
  async submit(path: string, fields: Record<string, string>, field = Object.keys(fields)[0]!): Promise<Answer> {
    return this.post(path, await this.readForm(path, field), fields);
  }
}
