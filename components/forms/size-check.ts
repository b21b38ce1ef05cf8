import { overLimit, type TextLimit } from '@/lib/limits';
import type { FormState } from './fields';

/**
 * The form's oversized fields as a failed state to show beside them, or null. Checked in
 * the browser before posting: a body over Next's server-action limit would be refused
 * with its own error page instead of the form's message, and the typed text lost.
 */
export function sizeCheck(data: FormData, limits: Record<string, { label: string; limit: TextLimit }>): FormState | null {
  const fieldErrors: Record<string, string[]> = {};
  for (const [name, { limit }] of Object.entries(limits)) {
    const value = data.get(name);
    const message = typeof value === 'string' ? overLimit(value, limit) : null;
    if (message) fieldErrors[name] = [message];
  }
  const names = Object.keys(fieldErrors);
  if (names.length === 0) return null;
  return { ok: false, message: `Too long to save: ${names.map((n) => limits[n]!.label).join(', ')}. Your text is kept below.`, fieldErrors };
}
