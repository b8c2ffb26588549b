// The Content-Security-Policy, in plain JavaScript so that next.config.mjs (route handlers and
// static files: no scripts) and proxy.ts (pages: a per-request nonce) share one list.

/**
 * @param {string} scriptSrc what may run: `'none'`, or the page's nonce with `'strict-dynamic'`
 * @returns {string}
 */
export function contentSecurityPolicy(scriptSrc) {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    // React writes style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}
