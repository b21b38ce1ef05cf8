'use client';

import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect } from 'react';

/**
 * The article text and the claim list live in the layout, which a navigation
 * within the annotator does not re-render. Writes made here re-render the whole
 * route, but when the panel (the page) changes after someone else's write, the
 * text may be stale: each side carries a signature of the claims it shows, and
 * a mismatch refreshes the route once.
 */
const BodySignature = createContext<string | null>(null);

export function BodySignatureProvider({ signature, children }: { signature: string; children: React.ReactNode }) {
  return <BodySignature value={signature}>{children}</BodySignature>;
}

export function RefreshWhenBodyStale({ signature }: { signature: string }) {
  const drawn = useContext(BodySignature);
  const router = useRouter();
  useEffect(() => {
    if (drawn !== null && drawn !== signature) router.refresh();
  }, [drawn, signature, router]);
  return null;
}
