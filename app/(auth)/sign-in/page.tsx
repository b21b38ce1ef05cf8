import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DropAllDrafts } from '@/components/forms/drafts';
import { getCurrentUser } from '@/lib/server/session';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await getCurrentUser()) redirect('/edit');
  const { next } = await searchParams;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-bold">Sign in</h1>
      <p className="muted mb-6 text-sm">For the newsroom’s editors. Readers need no account.</p>
      <SignInForm next={typeof next === 'string' ? next : undefined} />
      {/* Whoever signs in here need not be who typed the tab's unsent drafts (drafts.tsx). */}
      <DropAllDrafts />
    </div>
  );
}
