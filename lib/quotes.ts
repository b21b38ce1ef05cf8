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
  // Marks that close themselves (" ” ’ ») cannot say by their shape whether one inside opens or closes…
  const symmetric = closers.includes(open);
  // …unless the inside is itself one quote ("“No comment.”"): then the outer pair is a layer.
  if (symmetric && unquote(inner) !== inner.trim()) return true;
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (isApostrophe(inner, i)) continue;
    if (symmetric) {
      if (ch !== open && !closers.includes(ch) && !(ch in PAIRS && PAIRS[ch]!.includes(open))) continue;
      // …so where each one stands says it: "We never said "never."" holds one quote, "Yes," she said, "no" two.
      const can = markCan(inner, i);
      if (depth > 0 && can.closes) depth--;
      else if (can.opens) depth++;
      else return false;
    } else if (ch === open) depth++;
    else if (closers.includes(ch) && --depth < 0) return false;
  }
  return depth === 0;
}

/** The text without one layer of surrounding quotation marks of any convention, trimmed. */
export function unquote(text: string): string {
  const trimmed = text.trim();
  // An excerpt picked up mid-sentence (…"we will not comment"): the ellipsis belongs inside once the marks go.
  if (trimmed.startsWith('…')) {
    const rest = unquote(trimmed.slice(1));
    return rest === trimmed.slice(1).trim() ? trimmed : `…${rest}`;
  }
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

// A straight double mark opens a quote after a space, a dash or an ellipsis (or at the start) and
// closes one before a space, punctuation or the end: in code-like text (window.x="y", alert("z"))
// it does neither, and an inch mark (a 65" screen, 30" of snow) never opens one, so it stays as typed.
const OPENS_AFTER = /^$|[\s\-–—…]$/u;
const CLOSES_BEFORE = /^$|^[\s)\]}.,;:!?…\-–—]/u;

/** Whether the quotation mark at `i` may open a quote and whether it may close one, by where it stands. */
function markCan(text: string, i: number): { opens: boolean; closes: boolean } {
  const before = text[i - 1] ?? '';
  const after = text[i + 1] ?? '';
  return {
    opens: OPENS_AFTER.test(before) && after !== '' && !/\s/u.test(after),
    closes: before !== '' && !/\s/u.test(before) && CLOSES_BEFORE.test(after),
  };
}

/**
 * Double quotation marks inside a quote as the single marks English nests inside double ones:
 * ‘Yes,’ she said, not “"Yes," she said” with two marks side by side. Curly ones always (turned by where
 * they stand: the “ closing a German „quote“ becomes ’); straight
 * ones only in pairs that open and close as quotation marks do, so markup and code stay as typed.
 */
function nestQuotes(text: string): string {
  let out = '';
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“' || ch === '”' || ch === '„') {
      // By its shape unless where it stands says otherwise: the “ that closes a German „quote“.
      const can = markCan(text, i);
      out += can.closes && !can.opens ? '’' : can.opens && !can.closes ? '‘' : ch === '”' ? '’' : '‘';
      continue;
    }
    if (ch === '"') {
      const can = markCan(text, i);
      if (open < 0 && can.opens) {
        open = out.length;
      } else if (open >= 0 && can.closes) {
        out = `${out.slice(0, open)}‘${out.slice(open + 1)}’`;
        open = -1;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

/** The text in one pair of curly quotation marks, whatever marks it came with. */
export function quoted(text: string): string {
  // Every layer: a quote pasted with its marks and then typed in marks again ("“No comment.”") is still one quote.
  let inner = text.trim();
  for (let next = unquote(inner); next !== inner; next = unquote(inner)) inner = next;
  return `“${nestQuotes(inner)}”`;
}
