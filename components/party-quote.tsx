import { quoted } from '@/lib/quotes';

/**
 * A party's words, as readers and editors see them: in quotation marks, with the line breaks they
 * were given (a reply of two paragraphs stays two, not one run-on paragraph).
 */
export function PartyQuote({ text }: { text: string }) {
  return <blockquote className="mt-1 font-serif whitespace-pre-line">{quoted(text)}</blockquote>;
}
