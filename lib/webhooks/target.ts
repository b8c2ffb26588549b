/**
 * Where a webhook may be sent. Outside demo and test mode a subscription's URL must be https
 * and must not reach loopback, private, link-local or other internal addresses (the app would
 * otherwise post into its own network), unless RECOURSE_WEBHOOK_ALLOW_PRIVATE=1. Addresses
 * are checked when a subscription is saved and again at every connection (the resolved
 * address, so a name that later resolves inward is refused then).
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { BlockList, isIP } from "node:net";
import { demoMode, testMode } from "@/lib/demo";

const INTERNAL = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) INTERNAL.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) INTERNAL.addSubnet(net, prefix, "ipv6");

/** Whether an IP address is internal (an IPv4-mapped IPv6 address counts as its IPv4 address). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return INTERNAL.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (!family) return true;
  return INTERNAL.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Demo and test mode send anywhere (receivers on loopback); elsewhere only the setting allows internal addresses. */
export function internalTargetsAllowed(): boolean {
  return demoMode() || testMode() || process.env.RECOURSE_WEBHOOK_ALLOW_PRIVATE === "1";
}

const plainHttpAllowed = () => demoMode() || testMode();

export type TargetProblem = "invalid" | "https_required" | "internal_address";

/** What is wrong with a subscription's URL, or null; resolves the host's name. */
export async function targetProblem(raw: string): Promise<TargetProblem | null> {
  if (!URL.canParse(raw)) return "invalid";
  const url = new URL(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:") return "invalid";
  if (url.username || url.password) return "invalid";
  if (url.protocol === "http:" && !plainHttpAllowed()) return "https_required";
  if (internalTargetsAllowed()) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return isInternalAddress(host) ? "internal_address" : null;
  if (host === "localhost" || host.endsWith(".localhost")) return "internal_address";
  const addresses = await new Promise<LookupAddress[]>((resolve) => dnsLookup(host, { all: true }, (error, found) => resolve(error ? [] : found)));
  // A name that does not resolve now may later: it is checked at every delivery as well.
  return addresses.some((a) => isInternalAddress(a.address)) ? "internal_address" : null;
}

/** A DNS lookup for http(s).request that refuses internal addresses where they are not allowed. */
export function guardedLookup(hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const allowed = internalTargetsAllowed() ? addresses : addresses.filter((a) => !isInternalAddress(a.address));
    if (!allowed.length) return callback(Object.assign(new Error(`${hostname} resolves to an internal address`), { code: "EINTERNAL" }), "", 0);
    if (options.all) return callback(null, allowed);
    callback(null, allowed[0]!.address, allowed[0]!.family);
  });
}
