import type { Metadata } from 'next';
import Link from 'next/link';
import { hasDemoContent } from '@/db/queries/demo';
import { countUsers, findValidInvite } from '@/db/queries/users';
import { JoinForm } from './join-form';

export const metadata: Metadata = { title: 'Create your account', robots: { index: false } };

export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = token.length <= 100 ? findValidInvite({ token }) : undefined;
  if (!invite) {
    return (
      <div className="mx-auto max-w-md py-10">
        <h1 className="text-2xl font-bold">This link cannot be used</h1>
        <p className="mt-3">It has expired or was already used. Ask an admin of this Claimline for a new invitation.</p>
        <p className="mt-6">
          <Link href="/sign-in">Sign in</Link>
        </p>
      </div>
    );
  }
  const setup = invite.createdBy === null && invite.role === 'admin';
  // The first account decides whether the demo newsroom stays (asked only while there is one).
  const askDemo = invite.role === 'admin' && countUsers() === 0 && hasDemoContent();
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-bold">{setup ? 'Set up Claimline' : 'Join the newsroom'}</h1>
      <p className="muted mb-6 text-sm">
        {setup
          ? 'Create the first admin account. This link works once.'
          : `You were invited as ${invite.role === 'admin' ? 'an admin' : 'an editor'}.`}
      </p>
      <JoinForm token={token} email={invite.email} askDemo={askDemo} />
    </div>
  );
}
