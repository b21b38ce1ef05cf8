import { segmentBody } from '@/lib/anchor';
import { STATUS_INFO, type Status } from '@/lib/status';
import { StatusIcon } from './status-icon';

export type BodyClaim = {
  id: number;
  number: number;
  status: Status;
  href: string;
  statement: string;
  start: number;
  end: number;
};

/**
 * An article body as plain-text paragraphs with each claim drawn as a linked
 * highlight. Nested or overlapping claims are cut into flat segments; a segment
 * inside several claims links to the innermost one and is drawn darker. Each
 * claim ends with a numbered reference carrying its status icon and word, so
 * status never depends on colour. Segments carry their offsets (data-start) so
 * the annotator can map a browser selection back to positions in the body.
 */
export function ArticleBody({ body, claims }: { body: string; claims: BodyClaim[] }) {
  const byId = new Map(claims.map((c) => [c.id, c]));
  return (
    <div className="article-body font-serif text-lg leading-relaxed">
      {segmentBody(body, claims).map((segments) => (
        <p key={segments[0]!.start} className="mb-5 whitespace-pre-line">
          {segments.map((segment) => {
            const covering = segment.spans.map((id) => byId.get(id)!);
            const inner = covering[0];
            const text = (
              <span data-start={segment.start} data-end={segment.end}>
                {segment.text}
              </span>
            );
            if (!inner) return <span key={segment.start}>{text}</span>;
            return (
              <span key={segment.start}>
                {covering
                  .filter((c) => c.start === segment.start)
                  .map((c) => (
                    <span key={c.id} id={`claim-${c.id}`} />
                  ))}
                <mark className={`claim-mark status-${inner.status}`} data-depth={Math.min(covering.length, 3)}>
                  <a href={inner.href} title={inner.statement}>
                    {text}
                  </a>
                </mark>
                {covering
                  .filter((c) => c.end === segment.end)
                  .map((c) => (
                    <a key={c.id} href={c.href} className={`claim-ref status-${c.status}`}>
                      {c.number}
                      <StatusIcon status={c.status} />
                      <span className="sr-only">
                        {` (claim ${c.number}: ${STATUS_INFO[c.status].label})`}
                      </span>
                    </a>
                  ))}
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
}
