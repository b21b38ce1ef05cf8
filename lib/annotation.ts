import { isDetached, type AnchorState } from './anchor';
import type { Publisher } from './claim-review';
import { isoDate } from './format';
import { STATUS_INFO, type Status } from './status';
import { safeText } from './text';

/** W3C Web Annotations of claims: one claim as an Annotation, an article's claims as an AnnotationCollection. */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The media type the Web Annotation Protocol gives annotation documents. */
export const ANNOTATION_CONTENT_TYPE = `application/ld+json; profile="${ANNOTATION_CONTEXT}"`;
/** Annotations per AnnotationPage of an article's collection. */
export const ANNOTATION_PAGE_SIZE = 50;

export type AnnotatedClaim = {
  /** Absolute URL of this annotation document. */
  id: string;
  /** Absolute URL of the claim page. */
  pageUrl: string;
  statement: string;
  status: Status;
  statusNote: string;
  createdAt: Date;
  updatedAt: Date;
  /** Each place the claim was made: the article's URL and the claim's anchor in Claimline's text of it. */
  targets: {
    source: string;
    exact: string;
    prefix: string;
    suffix: string;
    start: number;
    end: number;
    anchorState: AnchorState;
  }[];
};

function target(t: AnnotatedClaim['targets'][number]) {
  const quote = { type: 'TextQuoteSelector', exact: safeText(t.exact), prefix: safeText(t.prefix), suffix: safeText(t.suffix) };
  // A detached anchor keeps the last quote known, but its positions point at nothing in the current text.
  const selector = isDetached(t.anchorState) ? [quote] : [quote, { type: 'TextPositionSelector', start: t.start, end: t.end }];
  return { type: 'SpecificResource', source: t.source, selector };
}

/** The Annotation object (without @context): the claim's verdict assessing the passages it was made in. */
export function claimAnnotation(claim: AnnotatedClaim, publisher: Publisher) {
  const info = STATUS_INFO[claim.status];
  return {
    id: claim.id,
    type: 'Annotation',
    motivation: 'assessing',
    created: isoDate(claim.createdAt),
    modified: isoDate(claim.updatedAt),
    creator: { id: publisher.url, type: 'Organization', name: safeText(publisher.name), homepage: publisher.url },
    body: [
      { type: 'TextualBody', purpose: 'classifying', value: info.label, format: 'text/plain' },
      { type: 'TextualBody', purpose: 'assessing', value: safeText(claim.statusNote) || info.description, format: 'text/plain' },
      { type: 'TextualBody', purpose: 'describing', value: safeText(claim.statement), format: 'text/plain' },
      { id: claim.pageUrl, type: 'Text', format: 'text/html' },
    ],
    target: claim.targets.map(target),
  };
}

export function annotationDocument(claim: AnnotatedClaim, publisher: Publisher) {
  return { '@context': ANNOTATION_CONTEXT, ...claimAnnotation(claim, publisher) };
}

/** Page numbers of a collection run from 0 to lastPage (an empty collection has one empty page). */
export const lastPage = (total: number) => Math.max(0, Math.ceil(total / ANNOTATION_PAGE_SIZE) - 1);

const pageUrl = (collectionId: string, page: number) => `${collectionId}?page=${page}`;

/** The AnnotationCollection of an article's claims: its size and links to its first and last pages. */
export function annotationCollection({ id, label, total }: { id: string; label: string; total: number }) {
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: safeText(label),
    total,
    first: pageUrl(id, 0),
    last: pageUrl(id, lastPage(total)),
  };
}

/** One AnnotationPage of a collection, with its annotations in full. */
export function annotationPage(
  { collectionId, label, page, total }: { collectionId: string; label: string; page: number; total: number },
  claims: AnnotatedClaim[],
  publisher: Publisher,
) {
  const last = lastPage(total);
  return {
    '@context': ANNOTATION_CONTEXT,
    id: pageUrl(collectionId, page),
    type: 'AnnotationPage',
    partOf: { id: collectionId, label: safeText(label), total },
    startIndex: page * ANNOTATION_PAGE_SIZE,
    ...(page < last ? { next: pageUrl(collectionId, page + 1) } : {}),
    ...(page > 0 ? { prev: pageUrl(collectionId, page - 1) } : {}),
    items: claims.map((c) => claimAnnotation(c, publisher)),
  };
}
