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

/** The passage of a source that matters, with the line breaks it was given (two lines stay two). */
export function SourceExcerpt({ text }: { text: string }) {
  return <blockquote className="mt-1 border-l-2 border-[var(--rule)] pl-3 text-sm whitespace-pre-line">{text}</blockquote>;
}
