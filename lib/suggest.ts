/**
 * Claim suggestions: sentences of an article that look like checkable claims.
 * Each sentence (Intl.Segmenter) is scored by cues — attribution ("said",
 * "according to"), quotation marks, numbers, percentages, money and dates —
 * and kept when the cues add up. Offsets are UTF-16 code units into the body,
 * the unit of anchors (lib/anchor.ts).
 */

export type Suggestion = {
  start: number;
  end: number;
  exact: string;
  /** Why it was suggested, in words an editor reads ("attribution", "percentage"…). */
  reasons: string[];
  score: number;
};

type Cue = { reason: string; weight: number; pattern: RegExp };

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';

// \b is ASCII-only in JavaScript, so word edges are spelled out with Unicode letter classes.
const word = (alternatives: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'iu');

const CUES: Cue[] = [
  {
    reason: 'attribution',
    weight: 2,
    pattern: word(
      'said|says|say|stated|states|claimed|claims|told|according to|announced|insisted|argued|estimated|reported|warned|promised',
    ),
  },
  { reason: 'quotation', weight: 1.5, pattern: /["“”„«»]|(?<![\p{L}\p{N}])[‘'][^‘’']{3,}[’'](?![\p{L}\p{N}])/u },
  { reason: 'percentage', weight: 1.5, pattern: new RegExp(`\\p{Nd}\\s?[%٪]|[%٪]\\s?\\p{Nd}|${word('per ?cent|percent').source}`, 'iu') },
  {
    reason: 'money',
    weight: 1.5,
    pattern: new RegExp(`[$€£¥₹]\\s?\\p{Nd}|\\p{Nd}\\s?(?:[$€£¥₹]|${word('dollars|euros|pounds|yen').source})`, 'iu'),
  },
  { reason: 'number', weight: 1, pattern: new RegExp(`\\p{Nd}|${word('million|billion|thousand|hundred|half|a third|a quarter|a fifth').source}`, 'iu') },
  {
    reason: 'date',
    weight: 1,
    pattern: word(
      `${MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|last (?:week|month|year)|this year|(?:1[89]|20)\\d\\d`,
    ),
  },
];

/** A sentence needs at least this score (e.g. attribution alone, or a number and a date). */
export const MIN_SCORE = 2;
const MIN_LENGTH = 20;
const MAX_LENGTH = 600;

/** Scores one sentence: the cues it shows and their summed weight. */
export function scoreSentence(text: string): { reasons: string[]; score: number } {
  const found = CUES.filter((cue) => cue.pattern.test(text));
  // A percentage or a sum of money already is a number; count the number once.
  const reasons = found
    .filter((cue) => cue.reason !== 'number' || !found.some((c) => c.reason === 'percentage' || c.reason === 'money'))
    .map((cue) => cue.reason);
  const score = found.filter((cue) => reasons.includes(cue.reason)).reduce((sum, cue) => sum + cue.weight, 0);
  return { reasons, score };
}

/** Candidate claims in reading order: sentences whose cues reach MIN_SCORE. */
export function suggestClaims(body: string, { locale = 'en' }: { locale?: string } = {}): Suggestion[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const found: Suggestion[] = [];
  // Segmenting line by line: V8's segmenter slows down badly on one very long string
  // (about 4 s for a 50,000-word body at once, 0.1 s line by line), and no sentence spans a line break.
  let lineStart = 0;
  for (const line of body.split('\n')) {
    for (const { segment, index } of segmenter.segment(line)) {
      // Trim the white space a sentence segment carries (its trailing spaces).
      const lead = segment.length - segment.trimStart().length;
      const exact = segment.trim();
      if (exact.length < MIN_LENGTH || exact.length > MAX_LENGTH) continue;
      const { reasons, score } = scoreSentence(exact);
      if (score < MIN_SCORE) continue;
      const start = lineStart + index + lead;
      found.push({ start, end: start + exact.length, exact, reasons, score });
    }
    lineStart += line.length + 1;
  }
  return found;
}

/**
 * The suggestions still worth showing: not overlapping a claim already made,
 * not dismissed (dismissals are remembered by their text, so they survive a
 * revision that moves the sentence), best first, at most `limit`, then in
 * reading order.
 */
export function openSuggestions(
  suggestions: readonly Suggestion[],
  { claims, dismissed, limit = 10 }: { claims: readonly { start: number; end: number }[]; dismissed: ReadonlySet<string>; limit?: number },
): Suggestion[] {
  return suggestions
    .filter((s) => !dismissed.has(s.exact))
    .filter((s) => !claims.some((c) => c.start < s.end && s.start < c.end))
    .sort((a, b) => b.score - a.score || a.start - b.start)
    .slice(0, limit)
    .sort((a, b) => a.start - b.start);
}
