import type { Metadata } from 'next';
import Link from 'next/link';
import { signOut } from '@/app/(auth)/actions';
import { DraftOwner, SignOutForm } from '@/components/forms/drafts';
import { getCurrentUser } from '@/lib/server/session';

export const metadata: Metadata = { title: { default: 'Workspace', template: '%s · Claimline workspace' }, robots: { index: false } };

// Each page below checks the session and role itself; this layout only draws the bar.
export default async function EditLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <div>
      {user ? (
        <nav aria-label="Workspace" className="mb-6 flex flex-wrap items-center gap-4 border-b border-[var(--rule)] pb-3 text-sm">
          <Link href="/edit">Articles</Link>
          <Link href="/edit/articles/new">New article</Link>
          <Link href="/edit/parties">Parties</Link>
          <Link href="/edit/board">Board</Link>
          <Link href="/edit/inbox">Inbox</Link>
          <Link href="/edit/replies">Replies</Link>
          <Link href="/edit/stats">Statistics</Link>
          <Link href="/edit/external-reviews">Other fact-checks</Link>
          {user.role === 'admin' ? <Link href="/edit/users">People</Link> : null}
          {user.role === 'admin' ? <Link href="/edit/policies">Policies</Link> : null}
          {user.role === 'admin' ? <Link href="/edit/jobs">Jobs</Link> : null}
          <span className="muted ml-auto">
            {user.name} ({user.role})
          </span>
          <SignOutForm action={signOut} />
        </nav>
      ) : null}
      <DraftOwner user={user?.id ?? null}>{children}</DraftOwner>
    </div>
  );
}
