/**
 * The inbound SMTP listener (smtp-server) for replies by e-mail: the MX of
 * RECOURSE_INBOUND_DOMAIN points at it. It refuses a recipient that is not a valid reply
 * address before the message is sent, takes one reply address per message, and answers each
 * message with lib/mail/inbound.ts's verdict: 250 when the reply is on the case, else the
 * refusal's 4xx/5xx and its reason.
 */
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { Db } from "@/db/client";
import { now } from "@/lib/clock";
import { log } from "@/lib/log";
import { receiveReply, recipientToken, Refusal } from "./inbound";
import type { InboundSettings } from "./inbound-settings";

export interface InboundListener {
  port: number;
  close(): Promise<void>;
}

const smtpError = (error: Refusal) => Object.assign(new Error(error.message), { responseCode: error.responseCode });

export async function startInbound(db: Db, settings: InboundSettings): Promise<InboundListener> {
  // STARTTLS with the operator's certificate when given, else smtp-server's own (senders to an MX do not verify it).
  const tls = process.env.RECOURSE_INBOUND_TLS_CERT && process.env.RECOURSE_INBOUND_TLS_KEY ? { cert: readFileSync(process.env.RECOURSE_INBOUND_TLS_CERT), key: readFileSync(process.env.RECOURSE_INBOUND_TLS_KEY) } : {};
  const server = new SMTPServer({
    ...tls,
    name: settings.domain,
    banner: "Recourse replies by e-mail",
    authOptional: true,
    disabledCommands: ["AUTH"],
    size: settings.maxBytes,
    logger: false,
    disableReverseLookup: true,
    maxClients: 50,
    closeTimeout: 1_000,
    async onRcptTo(address, session, callback) {
      if (session.envelope.rcptTo.length) return callback(smtpError(new Refusal("too_many_recipients")));
      try {
        recipientToken(address.address, settings, await now(db));
        callback();
      } catch (error) {
        if (!(error instanceof Refusal)) return callback(error as Error);
        log.info("inbound.refused", { reason: error.reason, stage: "recipient" });
        callback(smtpError(error));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        // Past the limit the rest is read and dropped; the message is refused at its end.
        if (size <= settings.maxBytes) chunks.push(chunk);
      });
      stream.on("end", async () => {
        try {
          if (stream.sizeExceeded || size > settings.maxBytes) throw new Refusal("too_big");
          const rcpt = session.envelope.rcptTo[0]!.address;
          const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
          const accepted = await receiveReply(db, { recipient: rcpt, envelopeFrom, raw: Buffer.concat(chunks) }, settings, await now(db));
          callback(null, accepted.duplicate ? "Already received: the reply is on the case" : "The reply is on the case");
        } catch (error) {
          if (!(error instanceof Refusal)) {
            log.error("inbound.failed", { error: String(error) });
            // Not the sender's fault: their server tries again later.
            return callback(Object.assign(new Error("4.3.0 Recourse could not take the reply just now; it will be tried again"), { responseCode: 451 }));
          }
          log.info("inbound.refused", { reason: error.reason, stage: "message" });
          callback(smtpError(error));
        }
      });
    },
  });
  server.on("error", (error) => log.error("inbound.error", { error: String(error) }));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  log.info("inbound.listening", { port, domain: settings.domain });
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
