'use client';

import { memo, useMemo } from 'react';
import { segmentParagraph } from '@/lib/anchor';
import { paragraphs as paragraphRanges } from '@/lib/text';
import { StatusIcon } from '@/components/status-icon';
import type { Status } from '@/lib/status';

export type EditorBodyClaim = { id: number; number: number; status: Status; published: boolean; start: number; end: number };

type Paragraph = { start: number; end: number };

// Everything a paragraph draws of a claim: when none of it changed, the paragraph is not rendered again.
const drawKey = (c: EditorBodyClaim) => `${c.id}:${c.number}:${c.status}:${c.published ? 1 : 0}:${c.start}:${c.end}`;

/**
 * The annotator's article text: paragraphs of segments, each carrying its
 * offsets (data-start, data-end) so a browser selection maps back to positions
 * in the body, with every claim (drafts dashed) drawn as a highlight that names
 * its innermost claim (data-claim). No links inside: the annotator opens a
 * claim on click, and selecting across highlights stays easy. The open claim
 * and the passage being claimed are marked by the annotator in the browser.
 *
 * The server sends the text as one string and the claims as a short list, not
 * as markup (half the bytes for a long article), and the browser draws it:
 * after a write only the paragraphs whose claims changed (the new claim's, and
 * those whose claim numbers moved) are rendered again.
 */
export function EditorBody({ body, claims }: { body: string; claims: EditorBodyClaim[] }) {
  // useMemo compares the text by value: the same text sent again is not split again.
  const paragraphs = useMemo(() => paragraphRanges(body), [body]);
  return (
    <div className="font-serif text-lg leading-relaxed">
      {paragraphs.map((paragraph) => {
        const inside = claims.filter((c) => c.start < paragraph.end && c.end > paragraph.start);
        return <BodyParagraph key={paragraph.start} body={body} paragraph={paragraph} claims={inside} drawn={inside.map(drawKey).join(' ')} />;
      })}
    </div>
  );
}

// `paragraph` is recomputed only with a new text, so it stands for `body` in the comparison.
const BodyParagraph = memo(
  function BodyParagraph({ body, paragraph, claims }: { body: string; paragraph: Paragraph; claims: EditorBodyClaim[]; drawn: string }) {
    const byId = new Map(claims.map((c) => [c.id, c]));
    return (
      // Paragraphs off screen are not laid out (content-visibility): a change in the panel
      // then costs a layout of what is visible, not of 50,000 words.
      <p className="mb-5 whitespace-pre-line [content-visibility:auto] [contain-intrinsic-size:auto_12rem]">
        {segmentParagraph(body, paragraph, claims).map((segment) => {
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
                  <StatusIcon status={c.status} />
                </span>
              ))}
            </span>
          );
        })}
      </p>
    );
  },
  (before, after) => before.paragraph === after.paragraph && before.drawn === after.drawn,
);
