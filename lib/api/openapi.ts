/**
 * The OpenAPI 3.1 document, generated from the contract's zod schemas and operations.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { WEBHOOK_SUMMARY, webhookPayload } from "@/lib/webhooks/contract";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { DOCUMENT_UPLOAD, documentSchema, OPERATIONS, problemSchema } from "./contract";
import { PROBLEMS } from "./problems";

const STATUS_TEXT: Record<number, string> = {
  400: "The request is malformed or a field is invalid.",
  401: "The token is missing, unknown, revoked or expired.",
  403: "The token may read but not act.",
  404: "No such case, or none the token may see.",
  409: "The ladder refuses the step now (the reason code says why), or the case changed since the version sent.",
  413: "The body is too large.",
  415: "The body is not in the media type the operation takes: JSON, or multipart/form-data for a document.",
  429: "Too many calls this minute; retry after the Retry-After seconds.",
};

const UPLOAD_SCHEMA = {
  type: "object" as const,
  properties: { [DOCUMENT_UPLOAD.field]: { type: "string" as const, contentMediaType: "application/octet-stream", description: DOCUMENT_UPLOAD.description } },
  required: [DOCUMENT_UPLOAD.field],
};
const DOCUMENT_CONTENT = Object.fromEntries(documentSchema.shape.mimeType.options.map((type) => [type, { schema: { type: "string" as const, contentMediaType: type } }]));

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | null = null;

export function openApiDocument(serverUrl: string) {
  if (cached) return { ...cached, servers: [{ url: `${serverUrl}/api/v1` }] };
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "token", { type: "http", scheme: "bearer", description: "An API token (rk_…) of an organisation or a body, made on its settings page." });
  const problem = problemSchema;
  for (const op of OPERATIONS) {
    registry.registerPath({
      operationId: op.id,
      method: op.method,
      path: op.path,
      summary: op.summary,
      description: op.scope === "act" ? "Needs a token that may read and act." : "Any token of the organisation or body.",
      security: [{ [bearer.name]: [] }],
      request: {
        ...(op.params ? { params: op.params } : {}),
        ...(op.query ? { query: op.query } : {}),
        ...(op.headers ? { headers: op.headers } : {}),
        ...(op.body ? { body: { required: true, content: { "application/json": { schema: op.body } } } } : {}),
        ...(op.upload ? { body: { required: true, content: { "multipart/form-data": { schema: UPLOAD_SCHEMA } } } } : {}),
      },
      responses: {
        [op.ok.status]: { description: op.ok.description, content: op.ok.binary ? DOCUMENT_CONTENT : { "application/json": { schema: op.ok.schema! } } },
        ...Object.fromEntries(op.problems.map((status) => [status, { description: STATUS_TEXT[status] ?? "A problem.", content: { "application/problem+json": { schema: problem } } }])),
      },
    });
  }
  // What Recourse sends to a subscription: signed under Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature).
  const signature = registry.registerComponent("securitySchemes", "webhookSignature", {
    type: "apiKey",
    in: "header",
    name: "webhook-signature",
    description: "Standard Webhooks: v1,<base64 HMAC-SHA256 of `${webhook-id}.${webhook-timestamp}.${body}`> under the subscription's whsec_ secret (two signatures while a rotated secret still signs).",
  });
  for (const type of WEBHOOK_EVENT_TYPES) {
    registry.registerWebhook({
      method: "post",
      path: type,
      operationId: `webhook_${type.replace(".", "_")}`,
      summary: WEBHOOK_SUMMARY[type],
      description: "Verify the Standard Webhooks signature before trusting it; answer 2xx to acknowledge. Retried with backoff otherwise, under the same webhook-id.",
      security: [{ [signature.name]: [] }],
      request: { body: { required: true, content: { "application/json": { schema: webhookPayload(type) } } } },
      responses: { 200: { description: "Received." } },
    });
  }
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Recourse API",
      version: "1.0.0",
      description: `Cases, clocks and steps for the systems an organisation or a recourse body already runs. Errors are RFC 9457 problem details; their codes: ${Object.keys(PROBLEMS).join(", ")}.`,
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
  });
  return cached;
}
