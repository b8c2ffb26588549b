/**
 * The OpenAPI 3.1 document, generated from the contract's zod schemas and operations.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { OPERATIONS, problemSchema } from "./contract";
import { PROBLEMS } from "./problems";

const STATUS_TEXT: Record<number, string> = {
  400: "The request is malformed or a field is invalid.",
  401: "The token is missing, unknown, revoked or expired.",
  403: "The token may read but not act.",
  404: "No such case, or none the token may see.",
  409: "The ladder refuses the step now (the reason code says why), or the case changed since the version sent.",
  413: "The body is too large.",
  415: "The body is not JSON.",
  429: "Too many calls this minute; retry after the Retry-After seconds.",
};

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
      description: op.scope === "act" ? "Needs a token with the `act` scope." : "Any token of the organisation or body.",
      security: [{ [bearer.name]: [] }],
      request: {
        ...(op.params ? { params: op.params } : {}),
        ...(op.query ? { query: op.query } : {}),
        ...(op.headers ? { headers: op.headers } : {}),
        ...(op.body ? { body: { required: true, content: { "application/json": { schema: op.body } } } } : {}),
      },
      responses: {
        [op.ok.status]: { description: op.ok.description, content: { "application/json": { schema: op.ok.schema } } },
        ...Object.fromEntries(op.problems.map((status) => [status, { description: STATUS_TEXT[status] ?? "A problem.", content: { "application/problem+json": { schema: problem } } }])),
      },
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
