'use client';

import { useFormAction } from '@/components/forms/use-form-action';
import { Field, FormMessage } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { PASSWORD_MIN_LENGTH } from '@/lib/vocabulary';
import { join } from '../../actions';

export function JoinForm({ token, email, askDemo = false }: { token: string; email: string | null; askDemo?: boolean }) {
  const [state, formAction] = useFormAction(join);
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field label="Your name" name="name" autoComplete="name" required state={state} />
      <Field label="Email" name="email" type="email" autoComplete="username" required defaultValue={email ?? ''} state={state} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        required
        state={state}
      />
      <Field label="Repeat the password" name="confirm" type="password" autoComplete="new-password" required state={state} />
      {askDemo ? (
        <fieldset className="mb-6 rounded border border-[var(--rule)] p-3">
          <legend className="px-1 text-sm font-semibold">Demo content</legend>
          <p className="muted mb-2 text-xs">
            This Claimline was started with two invented articles and their claims, marked “Demo” wherever they appear. Readers see them
            on the public pages too.
          </p>
          <label className="flex items-start gap-2 py-1">
            <input type="radio" name="demo" value="keep" defaultChecked={state.ok || state.values?.demo !== 'remove'} className="mt-1" />
            <span>Keep the demo to try things out (an admin can remove it later, on the People page)</span>
          </label>
          <label className="flex items-start gap-2 py-1">
            <input type="radio" name="demo" value="remove" defaultChecked={!state.ok && state.values?.demo === 'remove'} className="mt-1" />
            <span>Start with an empty newsroom: remove the demo now</span>
          </label>
        </fieldset>
      ) : null}
      <SubmitButton pendingText="Creating account…">Create account</SubmitButton>
    </form>
  );
}
