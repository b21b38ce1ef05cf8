// The one definition of a signed-in request's cookie, for the page cache (lib/server/page-cache.ts,
// bundled by Next) and the connection router (scripts/connection-route.mjs, plain Node before
// any bundle loads), hence plain JavaScript. deploy/varnish/claimline.vcl cannot import it and
// writes it again; lib/session-cookie.test.ts checks the two agree.

/** A session cookie's name, as the auth library names it (with or without a __Host-/__Secure- prefix), anywhere in a Cookie header. */
export const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-|__Secure-)?[\w.-]*session[\w.-]*=/i;
