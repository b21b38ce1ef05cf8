'use client';

import { useActionState } from 'react';
import { Field, FormMessage } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { PASSWORD_MIN_LENGTH } from '@/lib/vocabulary';
import { join } from '../../actions';

export function JoinForm({ token, email }: { token: string; email: string | null }) {
  const [state, formAction] = useActionState(join, { ok: true });
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
      <SubmitButton pendingText="Creating account…">Create account</SubmitButton>
    </form>
  );
}
