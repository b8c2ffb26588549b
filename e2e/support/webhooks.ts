/** A webhook subscriber for the journeys: a receiver on loopback, and Standard Webhooks verification. */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Hook {
  id: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A subscriber's receiver on loopback, answering 200 to everything. */
export async function startReceiver() {
  const hooks: Hook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      hooks.push({ id: String(request.headers["webhook-id"]), headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { hooks, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export const verify = (secret: string, hook: Hook) =>
  new Webhook(secret).verify(hook.body, { "webhook-id": hook.id, "webhook-timestamp": String(hook.headers["webhook-timestamp"]), "webhook-signature": String(hook.headers["webhook-signature"]) }) as { type: string; data: { message?: { body: string; visibility: string }; event?: string; rung?: string; reference: string } };
