import { hasVisibleText, normalizeBody } from './text';

/**
 * How pasted text marks its paragraphs. Most web pages copy with one line break between
 * paragraphs ('line'); word processors, e-mail and plain-text files leave a blank line
 * between them ('blank'), and a line break inside a paragraph is then kept as one.
 */
export type ParagraphBreaks = 'line' | 'blank';

/** Leading and trailing whitespace of a paragraph, any Unicode space included (an ideographic space, a BOM). */
const trimParagraph = (p: string) => p.replace(/^[\s\uFEFF]+|[\s\uFEFF]+$/gu, '');

/**
 * The paragraphs of `text` as they will be stored, in order. The documented whitespace
 * normalisation (lib/text.ts normalizeBody, then each paragraph trimmed) is the only change,
 * beside a paragraph with nothing a reader can see (an empty element copied from a page leaves
 * a zero-width space or a direction mark on its line), which is left out: readers saw a gap.
 * Every other character of the input is in exactly one paragraph.
 */
export function splitParagraphs(text: string, breaks: ParagraphBreaks): string[] {
  const body = normalizeBody(text);
  const parts = breaks === 'line' ? body.split('\n') : body.split(/\n\n/);
  return parts.map(trimParagraph).filter(hasVisibleText);
}

/** A line ending a sentence or a quotation, or a short line such as a heading: not a line a text editor wrapped. */
const ENDS_CLAUSE = /[.!?:;…。！？」』"'”’)\]»›]$/u;
const WRAP_MIN = 30;

/**
 * Which paragraph marking `text` most likely uses. One line break per paragraph is taken
 * when there are no blank lines at all, or when single breaks are more than twice the blank
 * lines and the broken lines end clauses (a signature or an address keeps its lines); text hard-wrapped mid-sentence (e-mail at 72 columns)
 * keeps blank-line paragraphs. The editor can switch in the preview either way.
 */
export function detectParagraphBreaks(text: string): ParagraphBreaks {
  const blocks = normalizeBody(text).split(/\n\n/);
  const broken = blocks.flatMap((block) => block.split('\n').slice(0, -1)).map(trimParagraph);
  if (broken.length === 0) return 'blank';
  if (blocks.length === 1) return 'line';
  const wrapped = broken.filter((line) => line.length >= WRAP_MIN && !ENDS_CLAUSE.test(line)).length;
  if (wrapped * 2 > broken.length) return 'blank';
  return broken.length > 2 * (blocks.length - 1) ? 'line' : 'blank';
}

// Page furniture copied along with an article: what a reader clicks, never what a reporter
// wrote. Bylines, datelines, "Updated …" timestamps, captions and "Reporting by …" credits
// are part of the article and deliberately match none of these.
// Advertisement markers: strong enough to offer a line for removal in the middle of the text too.
const AD_PATTERNS: RegExp[] = [
  /^(advertisement|advertisment|advert|ad|sponsored|sponsored content|paid content|promoted|partner content)$/,
  /^advertisement\s*[-–—:]\s*scroll to continue.*$/,
  /^(story|article) continues below( (this )?(advertisement|ad))?$/,
  /^(skip|close) (advertisement|ad)$/,
];

const CHROME_PATTERNS: RegExp[] = [
  ...AD_PATTERNS,
  /^(\d[\d,.]*k?\s+)?comments?(\s*\(\d+\))?$/,
  /^(show|view|load|hide|read|see)( all)?( \d+)? comments$/,
  /^(leave|post|add|write) a (comment|reply|response)$/,
  /^join the (conversation|discussion|debate)$/,
  /^comments are (closed|open|now closed)\b.*$/,
  /^continue reading( (the )?(main )?story| below)?$/,
  /^share( this( article| story| page| post)?)?( on| via| to)?( (facebook|twitter|x|linkedin|whatsapp|email|e-mail|bluesky|threads|reddit|mastodon))?$/,
  /^((facebook|twitter|x|linkedin|whatsapp|email|e-mail|print|reddit|pinterest|bluesky|threads|mastodon|copy link|copy url|share)[\s,|·•/]*){2,}$/,
  /^(tweet|email|e-mail|print|copy link|copy url|link copied|save|saved|bookmark|gift( this)? article|save article|save for later)$/,
  /^(read more|more|related|related (articles|stories|coverage|content|topics|reading)|see also|also read|read also|read next|up next|more on this( story)?|more from [^.!?]{1,40}|recommended( for you| reading| stories)?|you (may|might) also like|most (read|popular|viewed|shared)|trending( now)?|top stories|latest (news|stories)|editor'?s picks)(\s*[:»›→|–—-].*|\s*….*)?$/,
  /^(sign up|subscribe)\b.{0,60}\b(newsletter|newsletters|updates|briefing|alerts|digest|emails?)\b.*$/,
  /^(sign up|subscribe|subscribe (now|today|here)|newsletter|get (the|our) newsletter|sign in|log in|login|register|create (an|a free) account|already (a subscriber|have an account)\??.*|support (our|independent) journalism.*)$/,
  /^(skip to (main |the )?content|skip navigation|jump to (main )?content|(main )?menu|open menu|close menu|toggle navigation|home|search|close|back to top|go to top)$/,
  /^listen to (this|the) (article|story)\b.*$/,
  // Reading time: "3 min read", "3-minute read", "⏱ 4 min. read", "Reading time: 5 minutes".
  /^(⏱️?\s*)?\d+\s*[-–]?\s*(min\.?|mins\.?|minutes?)\s*(read|listen)$/,
  /^(estimated )?(reading|read|listening) time\s*:?\s*\d+\s*(min\.?|mins\.?|minutes?)$/,
  /^follow (us|@\S+)( on\b.*)?$/,
  /^follow$/,
  /^(©|\(c\))\s*.{0,80}$/,
  /^copyright\s*(©|\(c\)|\d{4}).{0,80}$/,
  /^all rights reserved$/,
  /^(tags|topics|filed under|categories|more about)\s*:.*$/,
  /^(we use cookies\b.*|accept( all)? cookies|cookie (settings|preferences|policy))$/,
];

const chromeKey = (paragraph: string) =>
  paragraph
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[\s ]+/gu, ' ')
    .replace(/^[\s•·|>›»▶►✉📧🔗↗→-]+|[\s•·|:›»▶►→↗.!-]+$/gu, '');

const CRUMB = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}&'’,\- ]{0,29}$/u;

/**
 * A breadcrumb trail, "Home › World › Europe" or "Home / Politics": the section path, not a
 * headline. Each step is a few words; no sentence ends in one. A slash between two words without
 * spaces is a word of its own ("Home/work split leaves parents stranded"), so it takes a third step.
 */
function isBreadcrumb(paragraph: string): boolean {
  const line = paragraph.normalize('NFKC').trim();
  if (/[.!?…]$/u.test(line)) return false;
  const steps = line.split(/\s*[›»>→|/]\s*/u).map((step) => step.trim());
  if (steps.length < 2 || !steps.every((step) => CRUMB.test(step) && step.split(/\s+/u).length <= 4)) return false;
  const home = steps[0]!.toLowerCase() === 'home';
  const slashOnly = !/[›»>→|]/u.test(line);
  if (slashOnly && !/\s\/|\/\s/u.test(line)) return steps.length >= 3 && home;
  return home ? true : steps.length >= 3 && !slashOnly && !line.includes('|');
}

/** Whether one paragraph looks like page furniture (a button, a teaser, a footer line) rather than the article. */
export function isChromeLine(paragraph: string, patterns: RegExp[] = CHROME_PATTERNS): boolean {
  if (paragraph.includes('\n') || paragraph.length > 160) return false;
  const key = chromeKey(paragraph);
  if (key === '') return false;
  return patterns.some((p) => p.test(key)) || (patterns === CHROME_PATTERNS && isBreadcrumb(paragraph));
}

const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** A paragraph of the article proper: where the page's furniture at the start stops and at the end begins. */
function isBodyLike(paragraph: string): boolean {
  if (isChromeLine(paragraph)) return false;
  const words = paragraph.split(/\s+/u).length;
  // CJK and Thai text has no spaces between words: a sentence of 40 characters is running text.
  return words >= 15 || paragraph.length >= 100 || (UNSPACED_SCRIPT.test(paragraph) && paragraph.length >= 40);
}

export type ChromeCandidate = { index: number; where: 'start' | 'end' | 'body' };

/**
 * Paragraphs offered for removal: lines that look like page furniture among the
 * short lines before the first and after the last paragraph of running text, and
 * advertisement markers anywhere. Only offered: nothing is removed unless the editor
 * chooses it, and lines that merely sit at the edges (headline, byline, timestamp) are not offered.
 */
export function chromeCandidates(paragraphs: readonly string[]): ChromeCandidate[] {
  const firstBody = paragraphs.findIndex(isBodyLike);
  const lastBody = paragraphs.findLastIndex(isBodyLike);
  const result: ChromeCandidate[] = [];
  paragraphs.forEach((p, index) => {
    const where = firstBody === -1 || index < firstBody ? 'start' : index > lastBody ? 'end' : 'body';
    if (isChromeLine(p, where === 'body' ? AD_PATTERNS : CHROME_PATTERNS)) result.push({ index, where });
  });
  return result;
}

/** The body stored for `paragraphs` without the ones at `removed` indexes: blank lines between paragraphs. */
export function assembleBody(paragraphs: readonly string[], removed: ReadonlySet<number> = new Set()): string {
  return normalizeBody(paragraphs.filter((_, i) => !removed.has(i)).join('\n\n'));
}
