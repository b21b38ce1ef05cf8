import { describe, expect, it } from 'vitest';
import { quoted, unquote } from './quotes';

describe('unquote', () => {
  it.each([
    ['"We dispute these figures."', 'We dispute these figures.'],
    ['“We dispute these figures.”', 'We dispute these figures.'],
    ['  “We dispute these figures.”\n', 'We dispute these figures.'],
    ["'No comment.'", 'No comment.'],
    ['‘We won’t comment.’', 'We won’t comment.'],
    ["'We won't comment.'", "We won't comment."],
    ['„Das stimmt nicht.“', 'Das stimmt nicht.'],
    ['„To nieprawda.”', 'To nieprawda.'],
    ['”Det stämmer inte.”', 'Det stämmer inte.'],
    ['« Ces chiffres sont faux. »', 'Ces chiffres sont faux.'],
    ['»Das ist falsch.«', 'Das ist falsch.'],
    ['‹Non.›', 'Non.'],
    ['「この数字は誤りです。」', 'この数字は誤りです。'],
    ['『数字有误』', '数字有误'],
    ['“The figures are wrong”.', 'The figures are wrong.'],
    ['"Wrong"!', 'Wrong!'],
    ['“He called it “a fiction” on Monday.”', 'He called it “a fiction” on Monday.'],
    ['“«موقفنا واضح» 🙂”', '«موقفنا واضح» 🙂'],
    ['""Doubled""', '"Doubled"'],
    ['"“No comment.”"', '“No comment.”'],
  ])('strips one layer: %s', (input, expected) => {
    expect(unquote(input)).toBe(expected);
  });

  it.each([
    ['We dispute these figures.'],
    ['“Yes,” she said, “but not in March.”'],
    ['"Yes," she said, "but not in March."'],
    ['The council said “no”'],
    ['“Unbalanced'],
    ['""'],
    ['“”'],
    ['"'],
    [''],
    ['«Oui» et «non»'],
  ])('leaves text that is not wrapped in one pair as it is: %s', (input) => {
    expect(unquote(input)).toBe(input.trim());
  });
});

describe('quoted', () => {
  it('shows every response once in curly quotation marks, whatever was typed', () => {
    const typed = ['No comment.', '"No comment."', '“No comment.”', '« No comment. »', '「No comment.」', "'No comment.'"];
    expect(new Set(typed.map(quoted))).toEqual(new Set(['“No comment.”']));
  });

  it.each([
    ['"Yes," she said, "but not in March."', '“‘Yes,’ she said, ‘but not in March.’”'],
    ['“Yes,” she said, “but not in March.”', '“‘Yes,’ she said, ‘but not in March.’”'],
    ['The council called it "a fiction" (twice).', '“The council called it ‘a fiction’ (twice).”'],
    ['“He called it “a fiction” on Monday.”', '“He called it ‘a fiction’ on Monday.”'],
    ['We said "no" — and "never".', '“We said ‘no’ — and ‘never’.”'],
    ['«Oui» et «non»', '“«Oui» et «non»”'],
  ])('never shows two marks side by side when the quote holds quotes of its own: %s', (typed, shown) => {
    expect(quoted(typed)).toBe(shown);
    expect(quoted(typed)).not.toMatch(/^“["“]|["”]”$/);
  });

  it.each([
    ['Hostile </script><script>window.xss="json-ld-breakout"</script>'],
    ['<script>alert("script-tag")</script>'],
    ['The tower is 30" taller than 5" pipes'],
  ])('leaves straight marks that do not open and close a quote as typed: %s', (typed) => {
    expect(quoted(typed)).toBe(`“${typed}”`);
  });
});

describe('quoted with inch marks', () => {
  it.each([
    ['The storm left 30" of snow on Riverside', '“The storm left 30" of snow on Riverside”'],
    ['The council bought 12 TVs with 65" screens and "smart" remotes', '“The council bought 12 TVs with 65" screens and ‘smart’ remotes”'],
    ['They promised "a new line by 2024" in March', '“They promised ‘a new line by 2024’ in March”'],
    ['"Done by 2024," she said', '“‘Done by 2024,’ she said”'],
  ])('keeps an inch mark after a number as typed (as ’ it reads as feet): %s', (typed, shown) => {
    expect(quoted(typed)).toBe(shown);
  });
});

describe('quoted, where nested marks stand', () => {
  it.each([
    // The outer pair holds the whole text and one quote inside it: one pair shown, the inner one single.
    ['"We never said "never.""', '“We never said ‘never.’”'],
    ['"It is… "complicated""', '“It is… ‘complicated’”'],
    ['"He said “no” today"', '“He said ‘no’ today”'],
    // Typed twice over: still one pair.
    ['"“No comment.”"', '“No comment.”'],
    ['""Doubled""', '“Doubled”'],
    // A mark right after an ellipsis opens a quote (an excerpt picked up mid-sentence), and one after it closes one.
    ['…"we will not comment"', '“…we will not comment”'],
    ['Then…"no," she said', '“Then…‘no,’ she said”'],
    ['He said "wait…".', '“He said ‘wait…’.”'],
    ['They said "…" and nothing else', '“They said ‘…’ and nothing else”'],
    // A German quote inside: its closing “ becomes a closing mark, not an opening one.
    ['„Das ist „falsch“ sagte er“', '“Das ist ‘falsch’ sagte er”'],
    ['He said ”no” today', '“He said ‘no’ today”'],
  ])('%s', (typed, shown) => {
    expect(quoted(typed)).toBe(shown);
    // A nested quote may close with the outer one (‘never.’”); none opens with it.
    expect(quoted(typed)).not.toMatch(/^“["“‘]/);
  });

  it('still shows two quotes side by side as two, and code as typed', () => {
    expect(quoted('"Yes," she said, "but not in March."')).toBe('“‘Yes,’ she said, ‘but not in March.’”');
    expect(quoted('"We are…" "not sure"')).toBe('“‘We are…’ ‘not sure’”');
    expect(quoted('<script>alert("x")</script>')).toBe('“<script>alert("x")</script>”');
  });
});
