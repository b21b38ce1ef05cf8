import { STATUS_INFO, type Status } from '@/lib/status';

/** The badge preview and the HTML another site pastes to show this claim's status. */
export function Embed({ claimUrl, badgeUrl, status }: { claimUrl: string; badgeUrl: string; status: Status }) {
  const alt = `Claim status: ${STATUS_INFO[status].label}`;
  const snippet = `<a href="${claimUrl}"><img src="${badgeUrl}" alt="${alt}" height="20"></a>`;
  return (
    <section aria-labelledby="embed-heading" className="no-print mt-8">
      <h2 id="embed-heading" className="text-lg font-semibold">
        Embed this status
      </h2>
      <p className="mt-2">
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG badge shown as it appears on other sites */}
        <img src={badgeUrl} alt={alt} height={20} />
      </p>
      <label htmlFor="embed-code" className="mt-2 block text-sm">
        HTML to paste into a web page (the badge updates when the status changes)
      </label>
      <textarea
        id="embed-code"
        readOnly
        rows={3}
        value={snippet}
        className="mt-1 w-full rounded border border-[var(--rule)] bg-[var(--panel)] p-2 font-mono text-sm"
      />
    </section>
  );
}
