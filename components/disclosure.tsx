'use client';

import { useState, type ReactNode } from 'react';

/**
 * A <details> whose content is drawn when it is first opened and kept from then on, so closing
 * it loses nothing typed: for content that every render of the page would pay for and few open,
 * such as a response's edit form with its picker of every party (drawn on every save otherwise).
 * Opened before the page's script ran, it draws the content as soon as the script runs. Without
 * JavaScript, `fallback` (a link to the page with it open) stands in for the content; `open`
 * draws it on the server, open.
 */
export function Disclosure({
  summary,
  children,
  fallback,
  open = false,
  className,
}: {
  summary: ReactNode;
  children: ReactNode;
  fallback?: ReactNode;
  open?: boolean;
  className?: string;
}) {
  const [drawn, setDrawn] = useState(open);
  return (
    <details
      ref={(details) => {
        if (details?.open && !drawn) setDrawn(true);
      }}
      open={open || undefined}
      className={className}
      onToggle={(event) => {
        if (event.currentTarget.open) setDrawn(true);
      }}
    >
      <summary className="cursor-pointer text-sm underline">{summary}</summary>
      {drawn ? children : fallback ? <noscript>{fallback}</noscript> : null}
    </details>
  );
}
