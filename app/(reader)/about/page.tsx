import type { Metadata } from 'next';
import Link from 'next/link';
import { POLICY_INFO, POLICY_PAGES, policyPath } from '@/lib/policies';

export const metadata: Metadata = {
  title: 'About this newsroom',
  description: 'How we choose and check claims, what our ratings mean, how we correct them, and how to reach us.',
};

/** The policy pages in one list, for a reader who goes up from one of them. */
export default function AboutPage() {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">About this newsroom</h1>
      <ul className="mt-6 space-y-4">
        {POLICY_PAGES.map((page) => (
          <li key={page}>
            <Link href={policyPath(page)} className="font-semibold">
              {POLICY_INFO[page].title}
            </Link>
            <p className="muted text-sm">{POLICY_INFO[page].summary}</p>
          </li>
        ))}
        <li>
          <Link href="/corrections" className="font-semibold">
            Corrections
          </Link>
          <p className="muted text-sm">Every change to a published verdict, with the date and the reason.</p>
        </li>
        <li>
          <Link href="/stats" className="font-semibold">
            Statistics
          </Link>
          <p className="muted text-sm">How many claims we checked, how fast, how parties answered, and how often we corrected ourselves.</p>
        </li>
      </ul>
    </div>
  );
}
