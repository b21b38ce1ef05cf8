import { formatDate } from '@/lib/format';
import { externalHref } from '@/lib/routes';

/** A source as cited: its title (linked only when the URL is http or https), publisher and date. */
export function SourceCitation({ source }: { source: { url: string; title: string; publisher: string; publishedAt: Date | null } }) {
  const href = externalHref(source.url);
  return (
    <>
      {href ? (
        <a href={href} rel="noopener noreferrer nofollow">
          {source.title}
        </a>
      ) : (
        source.title
      )}
      <span className="muted text-sm">
        {source.publisher ? ` — ${source.publisher}` : ''}
        {source.publishedAt ? `, ${formatDate(source.publishedAt)}` : ''}
      </span>
    </>
  );
}
