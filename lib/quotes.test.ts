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
