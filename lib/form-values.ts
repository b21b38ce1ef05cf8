/** The submitted text fields, to put back into the form after a failed save (never passwords, nor Next's own fields). */
export function submittedValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION') && !/password|confirm|token/i.test(key)) out[key] = value;
  }
  return out;
}
