import type { Metadata } from 'next';
import Link from 'next/link';
import { POLICY_INFO, POLICY_PAGES, policyPath } from '@/lib/policies';
import { statusCss } from '@/lib/status';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Claimline', template: '%s · Claimline' },
  description: 'Factual claims in the news: where they were made, the evidence, who answered what, and their status.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        {/* Generated from lib/status.ts, which owns the status colours. */}
        <style dangerouslySetInnerHTML={{ __html: statusCss() }} />
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2 focus:text-black">
          Skip to content
        </a>
        <header className="border-b border-[var(--rule)]">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
            <Link href="/" className="text-lg font-bold tracking-tight text-[var(--page-fg)] no-underline">
              Claimline
            </Link>
            <nav aria-label="Main" className="flex gap-4 text-sm">
              <Link href="/">Articles</Link>
              <Link href="/claims">Claims</Link>
              <Link href="/parties">Parties</Link>
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl border-t border-[var(--rule)] px-4 py-6 text-sm muted">
          <p>Claimline tracks factual claims made in news articles. Statuses are the newsroom’s assessment of the evidence at the time shown.</p>
          <nav aria-label="About this newsroom" className="mt-2">
            <ul className="flex flex-wrap gap-x-5 gap-y-1">
              {POLICY_PAGES.map((page) => (
                <li key={page}>
                  <Link href={policyPath(page)}>{POLICY_INFO[page].title}</Link>
                </li>
              ))}
              <li>
                <Link href="/corrections">Corrections</Link>
              </li>
              <li>
                <Link href="/stats">Statistics</Link>
              </li>
            </ul>
          </nav>
        </footer>
      </body>
    </html>
  );
}
