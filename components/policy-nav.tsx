import Link from 'next/link';
import { POLICY_INFO, POLICY_PAGES, policyPath } from '@/lib/policies';

/** The other policy pages, so a reader who lands on one finds the rest. */
export function PolicyNav({ current }: { current?: string }) {
  return (
    <nav aria-label="Our policies" className="mt-10 border-t border-[var(--rule)] pt-4 text-sm">
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        {POLICY_PAGES.filter((p) => p !== current).map((p) => (
          <li key={p}>
            <Link href={policyPath(p)}>{POLICY_INFO[p].title}</Link>
          </li>
        ))}
        <li>
          <Link href="/corrections">Corrections log</Link>
        </li>
        <li>
          <Link href="/stats">Newsroom statistics</Link>
        </li>
      </ul>
    </nav>
  );
}
