/**
 * A real SMTP server on loopback (smtp-server) that records what it accepts, and can refuse
 * for a while or hold a message while the test kills its sender.
 */
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";

export interface Received {
  messageId: string;
  to: string[];
  subject: string;
  /** The message as sent, quoted-printable soft breaks and escapes undone. */
  text: string;
}

export interface TestSmtp {
  url: string;
  received: Received[];
  /** Refuse every recipient with a temporary error while true. */
  refusing: boolean;
  /** Called with each message before it is accepted; return false to reject it (not counted). */
  beforeAccept?: (message: Received) => Promise<boolean> | boolean;
  close(): Promise<void>;
}

function header(raw: string, name: string): string {
  const unfolded = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  return new RegExp(`^${name}:\\s*(.*)$`, "im").exec(unfolded)?.[1]?.trim() ?? "";
}

export async function startSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = { url: "", received: [], refusing: false, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // No reverse DNS here: the lookup only slows every connection.
    disableReverseLookup: true,
    // Pooled client connections linger; a test server need not wait 30 s for them to leave.
    closeTimeout: 500,
    onRcptTo(_address, _session, callback) {
      if (state.refusing) return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const text = raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        const message = { messageId: header(raw, "Message-ID"), subject: header(raw, "Subject"), to: session.envelope.rcptTo.map((r) => r.address), text };
        if (state.beforeAccept && !(await state.beforeAccept(message))) return callback(Object.assign(new Error("Not accepted"), { responseCode: 451 }));
        state.received.push(message);
        callback();
      });
    },
  });
  // Small replies without Nagle's delay, as a mail server on a real network would answer.
  server.server.on("connection", (socket: import("node:net").Socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address() as { port: number };
  state.url = `smtp://127.0.0.1:${address.port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

export async function waitFor(condition: () => Promise<boolean> | boolean, { timeoutMs = 60_000, everyMs = 200, what = "condition" } = {}): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Message ids received more than once. */
export function duplicates(received: Received[]): string[] {
  const seen = new Map<string, number>();
  for (const r of received) seen.set(r.messageId, (seen.get(r.messageId) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}
