'use client';

import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect } from 'react';

/**
 * The article text lives in the layout, which a navigation within the
 * annotator does not re-render. After a write that changes the highlights (a
 * claim created, linked, re-statused), the panel (the page) is fresh but the
 * text may not be: each side carries a signature of the claims it drew, and a
 * mismatch refreshes the route once.
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
