/** See csp.mjs. */
export function contentSecurityPolicy(scriptSrc: string): string;
