import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSuggestions, scoreSentence, suggestClaims } from './suggest';
import { normalizeBody } from './text';

const body = normalizeBody(`Harbourtown opened its new ferry pier in spring.

The mayor said the pier cut crossing times by 15% since March. Residents were curious.

“We have never had so many passengers,” the ferry operator told reporters. The weather was mild.

According to the port authority, the project cost €4.2 million, half of it from regional funds.`);

describe('suggestClaims', () => {
  it('finds the sentences with attribution, quotes, numbers and dates, with their reasons', () => {
    const found = suggestClaims(body);
    expect(found.map((s) => s.exact)).toEqual([
      'The mayor said the pier cut crossing times by 15% since March.',
      '“We have never had so many passengers,” the ferry operator told reporters.',
      'According to the port authority, the project cost €4.2 million, half of it from regional funds.',
    ]);
    expect(found[0]!.reasons).toEqual(['attribution', 'percentage', 'date']);
    expect(found[1]!.reasons).toEqual(['attribution', 'quotation']);
    expect(found[2]!.reasons).toEqual(['attribution', 'money']);
    for (const s of found) expect(body.slice(s.start, s.end)).toBe(s.exact);
  });

  it('leaves plain sentences alone', () => {
    expect(suggestClaims('Residents were curious about the pier. The weather was mild today.')).toEqual([]);
    expect(scoreSentence('The weather was mild.').score).toBe(0);
  });

  it('needs more than a lone number', () => {
    expect(scoreSentence('There were 12 boats in the harbour at noon.')).toEqual({ reasons: ['number'], score: 1 });
    expect(scoreSentence('There were 12 boats in the harbour on Sunday.').score).toBe(2);
  });

  it('does not mistake words containing cue words for cues', () => {
    expect(scoreSentence('The sayings of the ferryman were told nowhere else.').reasons).toEqual(['attribution']);
    expect(scoreSentence('The essayist maybe unsaid something about mayday.').reasons).toEqual([]);
  });

  it.each([
    ['emoji', '🎉🎉 Fans cheered. The club said 40,000 people 👍 came on Sunday.', 'The club said 40,000 people 👍 came on Sunday.'],
    ['RTL Arabic digits', 'كان الجو معتدلا. قال الوزير «ارتفعت الأسعار ٪١٢» هذا العام.', 'قال الوزير «ارتفعت الأسعار ٪١٢» هذا العام.'],
    ['Hebrew', 'מזג האוויר היה נעים. השר אמר כי 12% מהתקציב הוקצו לחינוך בשנת 2023.', 'השר אמר כי 12% מהתקציב הוקצו לחינוך בשנת 2023.'],
    ['combining marks', 'Cafe\u0301 owners were tired. Cafe\u0301 owners said rents rose 30% last year.', 'Cafe\u0301 owners said rents rose 30% last year.'],
    ['astral CJK', '𠮷野家很忙。 The company said 𠮷野家 sales rose 20% in 2024.', 'The company said 𠮷野家 sales rose 20% in 2024.'],
  ])('gives offsets that slice back to the sentence in %s text', (_name, text, sentence) => {
    const found = suggestClaims(text);
    const match = found.find((s) => s.exact === sentence);
    expect(match, JSON.stringify(found)).toBeDefined();
    expect(text.slice(match!.start, match!.end)).toBe(sentence);
    expect(match!.start).toBe(text.indexOf(sentence));
  });

  it('always returns trimmed, in-range, ordered spans that slice back to their text', () => {
    const piece = fc.constantFrom('The mayor said ', '15% ', 'in March. ', '“Yes,” ', '😀 ', 'שלום ', '\n\n', 'e\u0301 ', 'ok. ', '€3 ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        let last = 0;
        for (const s of suggestClaims(text)) {
          expect(text.slice(s.start, s.end)).toBe(s.exact);
          expect(s.exact).toBe(s.exact.trim());
          expect(s.start).toBeGreaterThanOrEqual(last);
          last = s.end;
        }
      }),
    );
  });
});

describe('openSuggestions', () => {
  const all = suggestClaims(body);

  it('drops suggestions that overlap an existing claim or were dismissed', () => {
    const first = all[0]!;
    const claims = [{ start: first.start + 4, end: first.start + 9 }];
    const open = openSuggestions(all, { claims, dismissed: new Set([all[2]!.exact]) });
    expect(open.map((s) => s.exact)).toEqual([all[1]!.exact]);
  });

  it('keeps the best ones up to the limit, shown in reading order', () => {
    const open = openSuggestions(all, { claims: [], dismissed: new Set(), limit: 2 });
    expect(open).toHaveLength(2);
    expect(open[0]!.start).toBeLessThan(open[1]!.start);
    const lowest = Math.min(...all.map((s) => s.score));
    expect(open.every((s) => s.score >= lowest)).toBe(true);
  });
});
