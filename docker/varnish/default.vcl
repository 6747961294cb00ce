vcl 4.1;
# Varnish in front of Wegweiser (docker-compose.yml): caches only what Django marks as
# shareable (Cache-Control: public, see cms/caching/policy.py), never anything that carries a
# session or CSRF cookie, and lets only the app purge. Tests run this file with the backend
# addresses and the purge ACL replaced (tests/cache/test_varnish.py).

# Gunicorn (Django).
backend web {
    .host = "web";
    .port = "8000";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
}

# Uploaded images: nginx serving the media volume read-only.
backend media {
    .host = "media";
    .port = "80";
}

# Who may purge: the app's containers (Wagtail's frontend cache). A name in parentheses that
# does not resolve when the VCL loads is left out instead of failing the start.
acl purgers {
    "127.0.0.1";
    ("web");
    ("worker");
    ("beat");
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from this address."));
        }
        # Search answers can change with any page: every purge also drops cached ones
        # (autocomplete; search pages and the search API are not kept here, see
        # cms/caching/policy.py: every search must reach the app to be counted).
        ban("obj.http.X-Cache-Url ~ ^/([A-Za-z-]+/search/|api/v1/search/)");
        return (purge);
    }
    if (req.url ~ "^/media/") {
        set req.backend_hint = media;
        unset req.http.Cookie;
        unset req.http.Authorization;
        return (hash);
    }
    set req.backend_hint = web;
    # Writes, the admin, documents (permission-checked) and anyone logged in go straight
    # to Django.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents)/" || req.http.Authorization) {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    # Any other cookie (language choice, statistics) does not change a public page.
    unset req.http.Cookie;
    return (hash);
}

# One site: every allowed host name serves the same pages (Django answers any other with 400,
# which is not cached), so the address alone is the key. Purges then work whatever host name
# the Wagtail site is configured with.
sub vcl_hash {
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    # Remembered on the object so that bans can match without a request (ban lurker).
    set beresp.http.X-Cache-Url = bereq.url;
    if (bereq.url ~ "^/media/" && beresp.status == 200) {
        set beresp.ttl = 1d;
        set beresp.http.Cache-Control = "public, max-age=86400";
        return (deliver);
    }
    # Only what the app explicitly shares is kept; everything else is passed through, and
    # the next request for it goes to Django again (hit-for-miss).
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "public"
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Vary: Cookie is harmless here: cookies were removed from every request cached above.
}

sub vcl_deliver {
    unset resp.http.X-Cache-Url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
