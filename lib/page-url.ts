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
    if (/^(?:utm_|fbclid$|gclid$)/i.test(name)) url.searchParams.delete(name);
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
