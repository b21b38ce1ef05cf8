// @ts-check
// Size limits of the large form fields, in one CommonJS file because next.config.js
// (CommonJS, read before any bundling) needs them as much as the forms and schemas do
// (through lib/limits.ts). Next refuses a server-action body over its limit with its own
// error page and the typed text gone, so that limit is derived here from the field limits
// and never sits below what a form accepts.

/**
 * An article's text, in UTF-16 code units (what the positions of claims count). A
 * 50,000-word long read is about 320,000 characters; a novel of 100,000 words is over
 * 600,000 and is not an article.
 */
const ARTICLE_TEXT_CHARS = 500_000;

/** UTF-8 needs at most 3 bytes per UTF-16 code unit (a surrogate pair is 2 units in 4 bytes; a line break sent as CRLF is 2). */
const UTF8_BYTES_PER_UNIT = 3;

/** 400,000 CJK characters are 1.2 MB: the text limit in bytes is the worst case of the character limit. */
const ARTICLE_TEXT_BYTES = ARTICLE_TEXT_CHARS * UTF8_BYTES_PER_UNIT;

/** A pasted or fetched web page: real pages carry 1-3 MB of inline scripts, styles and markup around the text. */
const ARTICLE_HTML_BYTES = 5_000_000;

/** Room for the other fields of a form (headline, notes, metadata) and for multipart boundaries and part headers. */
const FORM_OVERHEAD_BYTES = 256 * 1024;

/** Next's server-action body limit (experimental.serverActions.bodySizeLimit): the largest field a form accepts, plus its other fields. */
const SERVER_ACTION_BODY_BYTES = Math.max(ARTICLE_TEXT_BYTES, ARTICLE_HTML_BYTES) + FORM_OVERHEAD_BYTES;

module.exports = {
  ARTICLE_TEXT_CHARS,
  UTF8_BYTES_PER_UNIT,
  ARTICLE_TEXT_BYTES,
  ARTICLE_HTML_BYTES,
  FORM_OVERHEAD_BYTES,
  SERVER_ACTION_BODY_BYTES,
};
