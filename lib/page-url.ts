/** Query parameters that say who sent a reader, never which page: campaign tags and ad-click ids. */
const TRACKING = /^(?:utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid)$/i;

/**
 * The address a source is stored and recognised under: what a URL parser takes as the same
 * address (scheme and host in lower case, no default port, an IDN host as punycode), without its
 * fragment or tracking parameters. Everything else stays as written, since servers may tell it
 * apart: the path's letter case and trailing slash, the other parameters in their order and
 * encoding. Text that is no absolute URL is returned trimmed. The migration 0022 calls it too.
 */
export function sourceAddress(input: string): string {
  const text = input.trim();
  if (!URL.canParse(text)) return text;
  const url = new URL(text);
  url.hash = '';
  // Pair by pair, not through searchParams, which would write the kept ones again ('%20' as '+').
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && !TRACKING.test(decodedName(pair)));
  url.search = kept.length ? `?${kept.join('&')}` : '';
  return url.href;
}

function decodedName(pair: string): string {
  const name = pair.split('=')[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * The addresses an article page may have been stored under as its canonical URL, for the
 * address a reader's browser is at: as given, then with the other scheme, with or without
 * `www.`, and with or without a trailing slash. Fragments and tracking parameters (utm_*,
 * fbclid, gclid) never name another article. Null for anything but an http(s) URL.
 */
export function pageUrlVariants(input: string): string[] | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING.test(name)) url.searchParams.delete(name);
  }
  const given = url.href;
  const path = url.pathname.replace(/\/+$/, '');
  const paths = path ? [path, `${path}/`] : ['/'];
  const bare = url.host.replace(/^www\./i, '');
  const hosts = [url.host, url.host === bare ? `www.${bare}` : bare];
  const schemes = url.protocol === 'https:' ? ['https:', 'http:'] : ['http:', 'https:'];
  const variants = new Set([given]);
  for (const scheme of schemes) {
    for (const host of hosts) {
      for (const p of paths) variants.add(`${scheme}//${host}${p}${url.search}`);
    }
  }
  return [...variants];
}
