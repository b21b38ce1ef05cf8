import { SaxesParser } from 'saxes';

/**
 * The first well-formedness error a strict XML 1.0 parser finds in `xml` (a character XML
 * forbids, an unclosed CDATA section, a bad entity…), or null when the document is well formed.
 * Feed readers with strict parsers reject the whole feed for one such error.
 */
export function xmlError(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(xml).close();
  return error;
}
