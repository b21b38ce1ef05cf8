import { jsonForScript } from '@/lib/claim-review';

/** A JSON-LD data block; the JSON is escaped so no text in it can close the script element. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />;
}
