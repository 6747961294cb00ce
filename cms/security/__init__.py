"""Response headers that limit what a page may do in the browser (CSP, Permissions-Policy)."""
