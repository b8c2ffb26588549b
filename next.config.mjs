import createNextIntlPlugin from "next-intl/plugin";
import { contentSecurityPolicy } from "./lib/security/csp.mjs";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// Content-Security-Policy for what the proxy does not see (route handlers, static files): no
// scripts at all. Pages get a per-request nonce policy from proxy.ts instead.
const csp = contentSecurityPolicy("'none'");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pdfkit", "pg-boss", "pg", "smtp-server", "mailparser"],
  // Evidence travels through the filing action: 5 files of 4 MB at most, checked again on the server.
  // The proxy buffers bodies up to the same size, so a large upload is refused whole, never cut short.
  experimental: { serverActions: { bodySizeLimit: "13mb" }, proxyClientMaxBodySize: "13mb" },
  async headers() {
    return [
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: csp }] },
      { source: "/_next/:path*", headers: [{ key: "Content-Security-Policy", value: csp }] },
      // Files such as /icon.svg or /robots.txt, which the proxy's matcher leaves out.
      { source: "/:file([^/]*\\.[A-Za-z0-9]+)", headers: [{ key: "Content-Security-Policy", value: csp }] },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          // Browsers honour it only over HTTPS, where a deployment serves (README, Production).
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
