import { segmentBody } from '@/lib/anchor';
import { STATUS_INFO, type Status } from '@/lib/status';

export type EditorBodyClaim = { id: number; number: number; status: Status; published: boolean; start: number; end: number };

/**
 * The annotator's article text: paragraphs of segments, each carrying its
 * offsets (data-start, data-end) so a browser selection maps back to positions
 * in the body, with every claim (drafts dashed) drawn as a highlight that names
 * its innermost claim (data-claim). No links inside: the annotator opens a
 * claim on click, and selecting across highlights stays easy. The open claim
 * and the passage being claimed are marked by the annotator in the browser,
 * so this (long) markup does not change when the panel does.
 */
export function EditorBody({ body, claims }: { body: string; claims: EditorBodyClaim[] }) {
  const byId = new Map(claims.map((c) => [c.id, c]));
  return (
    <div className="font-serif text-lg leading-relaxed">
      {segmentBody(body, claims).map((segments) => (
        <p key={segments[0]!.start} className="mb-5 whitespace-pre-line">
          {segments.map((segment) => {
            const text = (
              <span key={segment.start} data-start={segment.start} data-end={segment.end}>
                {segment.text}
              </span>
            );
            const covering = segment.spans.map((id) => byId.get(id)!);
            const inner = covering[0];
            const drawn = inner ? (
              <mark
                key={segment.start}
                data-claim={inner.id}
                data-depth={Math.min(covering.length, 3)}
                className={`claim-mark status-${inner.status} cursor-pointer ${inner.published ? '' : 'border-dashed'}`}
                title={`Claim ${inner.number}`}
              >
                {text}
              </mark>
            ) : (
              text
            );
            const ending = covering.filter((c) => c.end === segment.end);
            if (!ending.length) return drawn;
            return (
              <span key={segment.start}>
                {drawn}
                {ending.map((c) => (
                  // Outside the text's offsets: not part of any selection (select-none) and read from the claim list instead.
                  <span key={c.id} aria-hidden="true" contentEditable={false} className={`claim-ref status-${c.status} select-none`} data-claim={c.id}>
                    {c.number}
                    {STATUS_INFO[c.status].icon}
                  </span>
                ))}
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
}
