/**
 * A webhook receiver on loopback (node:http), as a subscriber would run one: it verifies every
 * request's signature with `standardwebhooks` against the secrets it holds, and answers what
 * the test asks (200 by default; a status, or `hold` to keep the request unanswered).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface ReceivedHook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  /** The secrets (of those held) whose verification passed. */
  verifiedWith: string[];
  answered: number | "held";
}

export interface TestReceiver {
  url: string;
  /** Every request, in order. */
  requests: ReceivedHook[];
  /** Requests answered 2xx: what the subscriber accepted. */
  accepted(): ReceivedHook[];
  /** The secrets the receiver verifies with. */
  secrets: string[];
  answer: (hook: ReceivedHook) => number | "hold" | Promise<number | "hold">;
  close(): Promise<void>;
}

export function verifies(secret: string, hook: Pick<ReceivedHook, "id" | "timestamp" | "signature" | "body">): boolean {
  try {
    new Webhook(secret).verify(hook.body, { "webhook-id": hook.id, "webhook-timestamp": hook.timestamp, "webhook-signature": hook.signature });
    return true;
  } catch {
    return false;
  }
}

export async function startReceiver(path = "/hooks"): Promise<TestReceiver> {
  const held: ServerResponse[] = [];
  const receiver: TestReceiver = {
    url: "",
    requests: [],
    accepted: () => receiver.requests.filter((r) => typeof r.answered === "number" && r.answered >= 200 && r.answered < 300),
    secrets: [],
    answer: () => 200,
    close: async () => {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const header = (name: string) => String(request.headers[name] ?? "");
    const hook: ReceivedHook = { id: header("webhook-id"), timestamp: header("webhook-timestamp"), signature: header("webhook-signature"), body, payload: JSON.parse(body), verifiedWith: [], answered: "held" };
    hook.verifiedWith = receiver.secrets.filter((s) => verifies(s, hook));
    receiver.requests.push(hook);
    const answer = await receiver.answer(hook);
    if (answer === "hold") {
      held.push(response);
      return;
    }
    hook.answered = answer;
    response.writeHead(answer, { "content-type": "text/plain" }).end(answer < 300 ? "ok" : "no");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return receiver;
}
