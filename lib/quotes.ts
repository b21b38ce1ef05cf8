/**
 * Quotation marks around text the app itself puts in quotes (response quotes,
 * claim statements). Editors paste quotes with their marks as often as without,
 * in every convention; readers should see one pair either way.
 */

// Each opening mark and the closing marks that may end a quote it opened, across
// English, German and Polish („…“ „…”), Swedish (”…”), French and Russian («…»),
// Danish (»…«), and Chinese and Japanese (「…」『…』〝…〞).
const PAIRS: Record<string, string> = {
  '"': '"”“',
  "'": "'’",
  '“': '”"',
  '„': '“”',
  '”': '”',
  '‘': '’',
  '‚': '‘’',
  '’': '’',
  '«': '»',
  '»': '«»',
  '‹': '›',
  '›': '‹›',
  '「': '」',
  '『': '』',
  '〝': '〞〟',
  '＂': '＂',
  '＇': '＇',
};

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Whether the mark at `i` of `text` is an apostrophe inside a word (won't, l’eau),
 * which is not a quotation mark.
 */
function isApostrophe(text: string, i: number): boolean {
  const mark = text[i]!;
  if (mark !== "'" && mark !== '’' && mark !== '＇') return false;
  return LETTER.test(text[i - 1] ?? '') && LETTER.test(text[i + 1] ?? '');
}

/**
 * Whether `open` at the start and `close` at the end of `inner` belong together: no
 * closing mark inside ends the opening one early, as in “Yes,” she said, “no”.
 */
function wraps(inner: string, open: string): boolean {
  const closers = PAIRS[open]!;
  // Marks that close themselves (" ” ’ ») cannot say whether one inside opens or closes.
  const symmetric = closers.includes(open);
  // …unless the inside is itself one quote ("“No comment.”"): then the outer pair is a layer.
  if (symmetric && unquote(inner) !== inner.trim()) return true;
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (isApostrophe(inner, i)) continue;
    if (symmetric) {
      if (ch === open || closers.includes(ch)) return false;
    } else if (ch === open) depth++;
    else if (closers.includes(ch) && --depth < 0) return false;
  }
  return depth === 0;
}

/** The text without one layer of surrounding quotation marks of any convention, trimmed. */
export function unquote(text: string): string {
  const trimmed = text.trim();
  const open = trimmed[0] ?? '';
  const closers = PAIRS[open];
  if (!closers) return trimmed;
  let core = trimmed;
  let after = '';
  // A full stop typed after the closing mark ("We disagree".) belongs inside once the marks go.
  if (/[.!?…]$/u.test(core) && closers.includes(core.at(-2) ?? '')) {
    after = core.at(-1)!;
    core = core.slice(0, -1);
  }
  if (core.length < 3 || !closers.includes(core.at(-1)!)) return trimmed;
  const inner = core.slice(1, -1);
  const unwrapped = inner.trim();
  if (!unwrapped || !wraps(inner, open)) return trimmed;
  return after && !/[.!?…]$/u.test(unwrapped) ? unwrapped + after : unwrapped;
}

// A double mark inside opens after a space, a bracket or a dash (or at the start) and closes otherwise.
const OPENS_AFTER = /^$|[\s([{\-–—/]$/u;
const DIGIT = /\p{Nd}/u;

/**
 * Double quotation marks inside a quote, straight or curly, as the single marks English
 * nests inside double ones: ‘Yes,’ she said, not “"Yes," she said” with two marks side by side.
 * A straight mark after a digit with no nested quote open is an inch mark (a 65" screen, 30" of
 * snow) and stays as typed: as ’ it read as feet.
 */
function nestQuotes(text: string): string {
  let open = 0;
  return text.replace(/["“”]/g, (mark, at: number) => {
    const before = text.slice(Math.max(0, at - 1), at);
    const opens = mark === '“' || (mark === '"' && OPENS_AFTER.test(before));
    if (!opens && mark === '"' && open === 0 && DIGIT.test(before)) return mark;
    open = opens ? open + 1 : Math.max(0, open - 1);
    return opens ? '‘' : '’';
  });
}

/** The text in one pair of curly quotation marks, whatever marks it came with. */
export function quoted(text: string): string {
  return `“${nestQuotes(unquote(text))}”`;
}
