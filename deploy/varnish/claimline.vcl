# Varnish in front of Claimline (docs/scaling.md). Needs Varnish 6 or later and the xkey
# module (Debian: apt-get install varnish varnish-modules). scripts/varnish.mjs starts it
# with the backend below set to the app's address; for your own setup, edit the backend and
# the purgers list, and start the app with VARNISH_URL=http://<this varnish>/.
#
# What it keeps: reader pages and the public API's lists that the app's page cache answered,
# the only responses that name their cache tags in an `xkey` header. Every save in the app
# purges the tags it touched here before the editor's answer returns, so a reader's next
# request gets the new page. Everything else (editors, the API's single items, feeds, Next's
# client navigations) passes through.
vcl 4.1;

import xkey;

backend app {
    .host = "127.0.0.1";
    .port = "3000";
}

# Who may purge: the app's own machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed to purge"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Name the keys to purge in xkey-purge"));
        }
        # Hard purge: the next request fetches the new page instead of getting the old one in grace.
        set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Next's client-side navigations and prefetches: payloads that vary with router state.
    if (req.http.rsc || req.http.next-router-state-tree || req.http.next-router-prefetch || req.url ~ "[?&]_rsc=") {
        return (pass);
    }
    # Signed in: the app renders for this person; never shared.
    if (req.http.cookie ~ "(?i)(^|;\s*)(__Host-|__Secure-)?[A-Za-z0-9_.-]*session[A-Za-z0-9_.-]*=") {
        return (pass);
    }
    # Other cookies change nothing on a reader page; without them every reader shares one copy.
    unset req.http.cookie;
    # A revalidation goes to the app, which answers 304 without a render and without a policy.
    # Varnish's own 304 would repeat the stored copy's Content-Security-Policy, and the client's
    # body may come from another render of the same page (same ETag, another nonce).
    if (req.http.if-none-match || req.http.if-modified-since) {
        return (pass);
    }
    return (hash);
}

sub vcl_backend_response {
    # Only what names its tags can be purged on an edit; anything else is not kept.
    if (!beresp.http.xkey) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Every kept copy also answers to "*": the app purges it after a change of unknown extent
    # (a script's write, a process that died before naming its write's tags).
    set beresp.http.xkey = beresp.http.xkey + " *";
}

sub vcl_deliver {
    # The tags are for this cache only.
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.x-varnish-cache = "hit";
    } else {
        set resp.http.x-varnish-cache = "miss";
    }
}
