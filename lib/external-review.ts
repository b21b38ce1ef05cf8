import { inRfc3339Range } from './format';
import { normalizeLine } from './text';

/**
 * Other fact-checkers' schema.org ClaimReviews, read for import as "external reviews": a
 * single ClaimReview, a DataFeed of them (like /feeds/claim-reviews.json), an @graph, or the
 * JSON-LD scripts of a review page. The whole document is refused, with the reasons, when any
 * review in it is not one Claimline can show as it was published: nothing is half-imported.
 */

/** The largest document accepted (a file or a fetched page). */
export const EXTERNAL_REVIEW_BYTES = 2_000_000;
/** The most reviews one import may hold. */
export const EXTERNAL_REVIEWS_MAX = 500;

export type ExternalReviewInput = {
  /** Their review's own page. */
  reviewUrl: string;
  organisation: string;
  organisationUrl: string | null;
  claimReviewed: string;
  claimant: string;
  /** Their rating as readers are shown it (their alternateName, or the value on their scale). */
  rating: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  datePublished: Date | null;
};

export type ParseResult = { ok: true; reviews: ExternalReviewInput[] } | { ok: false; message: string };

const LIMITS = { text: 2000, name: 200, rating: 200, url: 2000 };
const MAX_DEPTH = 12;
const MAX_REASONS = 5;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: Json | undefined): Json[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const SCHEMA_ORG = /^https?:\/\/schema\.org\/?$/;
/** "ClaimReview", "schema:ClaimReview" and "https://schema.org/ClaimReview" are one type. */
const typeName = (t: Json) => (typeof t === 'string' ? t.replace(/^(https?:\/\/schema\.org\/|schema:)/, '') : '');
const types = (o: Obj) => list(o['@type']).map(typeName);

/** Whether a @context says the terms are schema.org's. */
function isSchemaOrgContext(context: Json | undefined): boolean {
  return list(context).some((c) =>
    typeof c === 'string' ? SCHEMA_ORG.test(c) : isObj(c) && typeof c['@vocab'] === 'string' && SCHEMA_ORG.test(c['@vocab']),
  );
}

// Controls (tab and line ends aside) and non-characters: no text a fact-checker published holds them.
const CONTROL = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]/;
// Markup or script where plain text belongs: a tag, a script URL or an event handler attribute.
const MARKUP = /<\s*\/?\s*[a-z!?]|javascript\s*:|\bon[a-z]+\s*=/i;

class Refusal extends Error {}

/** The plain text of a field, or a refusal saying why it cannot be imported. */
function plain(value: Json | undefined, field: string, max: number, required: boolean): string {
  if (value === undefined || value === null || value === '') {
    if (required) throw new Refusal(`${field} is missing`);
    return '';
  }
  if (typeof value !== 'string') throw new Refusal(`${field} is not text`);
  if (CONTROL.test(value)) throw new Refusal(`${field} holds control characters`);
  if (MARKUP.test(value)) throw new Refusal(`${field} holds HTML or script (“${value.slice(0, 40)}”); ClaimReview text is plain`);
  const text = normalizeLine(value);
  if (required && !text) throw new Refusal(`${field} is empty`);
  if (text.length > max) throw new Refusal(`${field} is longer than ${max} characters`);
  return text;
}

function httpUrl(value: Json | undefined, field: string, required: boolean): string | null {
  const text = plain(value, field, LIMITS.url, required);
  if (!text) return null;
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // Reported below.
  }
  throw new Refusal(`${field} is not an http(s) address`);
}

const number = (value: Json | undefined, field: string): number | null => {
  if (value === undefined || value === null || value === '') return null;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new Refusal(`reviewRating.${field} is not a number on a rating scale`);
  return n;
};

/** The name (and address) of a person or organisation given as an object, a list of them or a plain name. */
function agent(value: Json | undefined, field: string, required: boolean): { name: string; url: string | null } {
  const [first] = list(value);
  if (first === undefined) {
    if (required) throw new Refusal(`${field} is missing`);
    return { name: '', url: null };
  }
  if (typeof first === 'string') return { name: plain(first, `${field}.name`, LIMITS.name, required), url: null };
  if (!isObj(first)) throw new Refusal(`${field} is not a person or organisation`);
  return { name: plain(first.name, `${field}.name`, LIMITS.name, required), url: httpUrl(first.url, `${field}.url`, false) };
}

function date(value: Json | undefined): Date | null {
  const text = plain(value, 'datePublished', 40, false);
  if (!text) return null;
  const ms = /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? Date.parse(text) : NaN;
  // Date.parse rolls 2026-02-30 over to March: only a date that reads back as written is one.
  if (Number.isNaN(ms) || !inRfc3339Range(ms) || new Date(ms).toISOString().slice(0, 10) !== text.slice(0, 10)) {
    throw new Refusal(`datePublished “${text}” is not a date`);
  }
  return new Date(ms);
}

/** Their rating as a label readers can read; a number without its scale, or off it, is refused. */
function rating(value: Json | undefined): Pick<ExternalReviewInput, 'rating' | 'ratingValue' | 'bestRating' | 'worstRating'> {
  const [r] = list(value);
  if (!isObj(r)) throw new Refusal('reviewRating is missing');
  const label = plain(r.alternateName, 'reviewRating.alternateName', LIMITS.rating, false);
  const ratingValue = number(r.ratingValue, 'ratingValue');
  const bestRating = number(r.bestRating, 'bestRating');
  const worstRating = number(r.worstRating, 'worstRating');
  if (ratingValue !== null || bestRating !== null || worstRating !== null) {
    if (ratingValue === null || bestRating === null || worstRating === null || worstRating === bestRating) {
      throw new Refusal('reviewRating uses a rating scale Claimline cannot read (it needs ratingValue, bestRating and worstRating)');
    }
    const [low, high] = worstRating < bestRating ? [worstRating, bestRating] : [bestRating, worstRating];
    if (ratingValue < low || ratingValue > high) {
      throw new Refusal(`reviewRating.ratingValue ${ratingValue} is off its own scale from ${worstRating} to ${bestRating}`);
    }
  }
  if (label) return { rating: label, ratingValue, bestRating, worstRating };
  if (ratingValue === null) throw new Refusal('reviewRating has neither a textual rating (alternateName) nor a value on a scale');
  return { rating: `${ratingValue} on a scale from ${worstRating} (worst) to ${bestRating} (best)`, ratingValue, bestRating, worstRating };
}

function review(o: Obj): ExternalReviewInput {
  const author = agent(o.author, 'author', true);
  const item = list(o.itemReviewed).find(isObj);
  return {
    reviewUrl: httpUrl(o.url, 'url', true)!,
    organisation: author.name,
    organisationUrl: author.url,
    claimReviewed: plain(o.claimReviewed, 'claimReviewed', LIMITS.text, true),
    claimant: item ? agent(item.author, 'itemReviewed.author', false).name : '',
    ...rating(o.reviewRating),
    datePublished: date(o.datePublished),
  };
}

/** Every ClaimReview object in a JSON-LD tree: alone, in a DataFeed (directly or as DataFeedItem.item), or in an @graph. */
function collect(node: Json, out: Obj[], depth: number): void {
  if (depth > MAX_DEPTH) throw new Refusal('The document is nested too deeply');
  if (Array.isArray(node)) {
    for (const n of node) collect(n, out, depth + 1);
    return;
  }
  if (!isObj(node)) return;
  const t = types(node);
  if (t.includes('ClaimReview')) out.push(node);
  else if (t.includes('DataFeed')) collect(node.dataFeedElement ?? [], out, depth + 1);
  else if (t.includes('DataFeedItem')) collect(node.item ?? [], out, depth + 1);
  if (node['@graph'] !== undefined) collect(node['@graph'], out, depth + 1);
}

const label = (o: Obj, i: number) => {
  const text = typeof o.claimReviewed === 'string' ? normalizeLine(o.claimReviewed).replace(/[<>]/g, '') : '';
  return `Review ${i + 1}${text ? ` (“${text.length > 50 ? `${text.slice(0, 49)}…` : text}”)` : ''}`;
};

/** The JSON-LD documents of a text: the whole text when it is JSON, else each JSON-LD script of an HTML page. */
export function jsonLdDocuments(text: string, mediaType: 'json' | 'html'): string[] {
  if (mediaType === 'json') return [text];
  // Script contents are raw text in HTML: they end at the first </script, which is what this matches.
  return [...text.matchAll(/<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json\b[^>]*>([^]*?)<\/script\s*>/gi)].map((m) => m[1]!);
}

/** Why a document holding our own reviews is refused whole: shown beside the importer's field. */
export const OWN_REVIEWS = 'These are our own fact-checks (their pages are on this site): nothing was imported. Import other organisations’ ClaimReviews here.';

/**
 * Reads other fact-checkers' ClaimReviews from JSON-LD documents; all of them or a clear refusal.
 * `ownOrigin`: this site's origin. A document with any review whose page is there is refused whole
 * (OWN_REVIEWS) before any review is checked: our own feed, named in the importer's hint, would
 * show our verdicts beside themselves as "Also checked by", and one of our older reviews failing a
 * check (a statement stored before control characters were refused) must not hide that reason.
 */
export function parseClaimReviews(documents: string[], { ownOrigin }: { ownOrigin?: string } = {}): ParseResult {
  const size = documents.reduce((n, d) => n + d.length, 0);
  if (size > EXTERNAL_REVIEW_BYTES) return { ok: false, message: `The file is too large: at most ${EXTERNAL_REVIEW_BYTES / 1_000_000} MB.` };
  if (documents.length === 0) return { ok: false, message: 'The page has no JSON-LD, so it publishes no ClaimReview.' };
  const found: Obj[] = [];
  for (const raw of documents) {
    let parsed: Json;
    try {
      parsed = JSON.parse(raw.replace(/^\uFEFF/, '')) as Json;
    } catch (error) {
      return { ok: false, message: `This is not valid JSON (${error instanceof SyntaxError ? error.message : 'unreadable'}).` };
    }
    const tops = Array.isArray(parsed) ? parsed : [parsed];
    if (!tops.every((t) => isObj(t) && isSchemaOrgContext(t['@context']))) {
      // A page may carry other JSON-LD (breadcrumbs in another vocabulary): only a lone document must be schema.org.
      if (documents.length === 1) return { ok: false, message: 'This is JSON but not schema.org JSON-LD: it needs an @context of https://schema.org.' };
      continue;
    }
    try {
      collect(parsed, found, 0);
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, message: `${error.message}.` };
      throw error;
    }
  }
  if (found.length === 0) return { ok: false, message: 'No ClaimReview was found in it.' };
  if (ownOrigin && found.some((o) => originOf(o.url) === ownOrigin)) return { ok: false, message: OWN_REVIEWS };
  if (found.length > EXTERNAL_REVIEWS_MAX) return { ok: false, message: `It holds ${found.length} reviews; import at most ${EXTERNAL_REVIEWS_MAX} at a time.` };
  const reviews: ExternalReviewInput[] = [];
  const reasons: string[] = [];
  found.forEach((o, i) => {
    try {
      reviews.push(review(o));
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      reasons.push(`${label(o, i)}: ${error.message}.`);
    }
  });
  if (reasons.length) {
    const more = reasons.length > MAX_REASONS ? ` And ${reasons.length - MAX_REASONS} more.` : '';
    return { ok: false, message: `Nothing was imported. ${reasons.slice(0, MAX_REASONS).join(' ')}${more}` };
  }
  return { ok: true, reviews };
}

/** The origin of a review's `url`, or null when it is no address. */
function originOf(url: Json | undefined): string | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
