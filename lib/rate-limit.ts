/**
 * A fixed-window rate limit per key, in this process's memory: enough for one app instance;
 * several instances behind a balancer would each count their own share.
 */
const windows = new Map<string, { start: number; count: number }>();
const WINDOW_MS = 60_000;

export function rateLimited(key: string, perMinute: number, now = Date.now()): boolean {
  if (process.env.RECOURSE_RATE_LIMIT === "off") return false;
  const w = windows.get(key);
  if (!w || now - w.start >= WINDOW_MS) {
    windows.set(key, { start: now, count: 1 });
    if (windows.size > 10_000) for (const [k, v] of windows) if (now - v.start >= WINDOW_MS) windows.delete(k);
    return false;
  }
  w.count += 1;
  return w.count > perMinute;
}
