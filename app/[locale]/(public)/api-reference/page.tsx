import { getTranslations } from "next-intl/server";
import { openApiDocument } from "@/lib/api/openapi";
import { FIELD_CODES, PROBLEMS } from "@/lib/api/problems";
import { ATTACHMENT_ERRORS } from "@/lib/cases/attachments";
import { publicUrl } from "@/lib/config";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("apiReference");

interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  description?: string;
  enum?: unknown[];
  items?: SchemaObject;
  oneOf?: SchemaObject[];
  contentMediaType?: string;
}

const refName = (s: SchemaObject | undefined) => s?.$ref?.split("/").at(-1);

/** The API's operations as the OpenAPI document states them, drawn on the server. */
export default async function ApiReferencePage() {
  const doc = openApiDocument(publicUrl());
  const schemas = (doc.components?.schemas ?? {}) as Record<string, SchemaObject>;
  const t = await getTranslations("apiReference");
  const resolve = (s: SchemaObject | undefined) => (refName(s) ? schemas[refName(s)!] : s);
  const typeOf = (s: SchemaObject): string =>
    refName(s) ?? (s.enum ? s.enum.join(" | ") : s.type === "array" && s.items ? `${typeOf(s.items)}[]` : s.contentMediaType ? t("file") : ([] as string[]).concat(s.type ?? "object").join(" | "));
  /** A schema's fields, with an object's (or a list of objects') own fields beneath it. */
  const Fields = ({ schema, skip }: { schema: SchemaObject | undefined; skip?: string }) => {
    const s = resolve(schema);
    return (
      <ul className="list-disc pl-5 text-sm">
        {Object.entries(s?.properties ?? {})
          .filter(([name]) => name !== skip)
          .map(([name, p]) => {
          const inner = resolve(p.type === "array" ? p.items : p);
          return (
            <li key={name}>
              <code>{name}</code>: <code>{typeOf(p)}</code>
              {s?.required?.includes(name) ? ` (${t("required")})` : ""} {p.description ?? ""}
              {inner?.properties ? <Fields schema={inner} /> : null}
            </li>
          );
          })}
      </ul>
    );
  };
  /** A body that is one of several shapes (a step, by its action): each shape with its fields. */
  const Body = ({ schema }: { schema: SchemaObject }) => {
    const s = resolve(schema);
    if (!s?.oneOf) return <Fields schema={s} />;
    return (
      <ul className="space-y-2 pl-1 text-sm">
        {s.oneOf.map((variant) => (
          <li key={refName(variant)}>
            <code>action</code> = <code>{(resolve(variant)?.properties?.action?.enum ?? []).join(" | ")}</code>
            <Fields schema={variant} skip="action" />
          </li>
        ))}
      </ul>
    );
  };
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <p className="mb-6 text-sm">
        {t("base")} <code>{doc.servers?.[0]?.url}</code> · <a href="/api/v1/openapi.json" className="underline">openapi.json</a>
      </p>
      <div className="space-y-6">
        {Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
          (["get", "post"] as const)
            .filter((m) => item?.[m])
            .map((method) => {
              const op = item![method]!;
              const content = (op.requestBody as { content?: Record<string, { schema?: SchemaObject }> } | undefined)?.content;
              const [bodyType, bodyContent] = Object.entries(content ?? {})[0] ?? [];
              const body = bodyContent?.schema;
              const ok = Object.entries(op.responses ?? {}).find(([status]) => status.startsWith("2"))?.[1] as { content?: Record<string, { schema?: SchemaObject }> } | undefined;
              const answer = ok?.content?.["application/json"]?.schema;
              const params = (op.parameters ?? []) as { name: string; in: string; required?: boolean; schema?: SchemaObject; description?: string }[];
              return (
                <Card key={`${method} ${path}`} aria-labelledby={`op-${op.operationId}`}>
                  <CardTitle id={`op-${op.operationId}`}>
                    <code>{method.toUpperCase()}</code> <code>{path}</code>
                  </CardTitle>
                  <p className="text-sm text-slate-800">{op.summary}</p>
                  <p className="mt-1 text-xs text-slate-700">{op.description}</p>
                  {params.length ? (
                    <>
                      <h3 className="mt-3 text-sm font-semibold">{t("parameters")}</h3>
                      <ul className="list-disc pl-5 text-sm">
                        {params.map((p) => (
                          <li key={`${p.in}:${p.name}`}>
                            <code>{p.name}</code> ({p.in}
                            {p.required ? `, ${t("required")}` : ""}) {p.schema?.description ?? p.description ?? ""}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  {body ? (
                    <>
                      <h3 className="mt-3 text-sm font-semibold">
                        {t("body")} <code className="font-normal">{bodyType}</code>
                      </h3>
                      <Body schema={body} />
                    </>
                  ) : null}
                  {answer ? (
                    <>
                      <h3 className="mt-3 text-sm font-semibold">{t("answer")}</h3>
                      <Fields schema={answer} />
                    </>
                  ) : null}
                  <h3 className="mt-3 text-sm font-semibold">{t("responses")}</h3>
                  <ul className="list-disc pl-5 text-sm">
                    {Object.entries(op.responses ?? {}).map(([status, r]) => (
                      <li key={status}>
                        <code>{status}</code> {(r as { description?: string }).description}
                      </li>
                    ))}
                  </ul>
                </Card>
              );
            }),
        )}
        <Card aria-labelledby="field-codes-title">
          <CardTitle id="field-codes-title">{t("fieldCodes")}</CardTitle>
          <p className="mb-2 text-sm text-slate-700">{t("fieldCodesLead")}</p>
          <p className="text-sm">
            {[...FIELD_CODES, ...ATTACHMENT_ERRORS].map((code, i) => (
              <span key={code}>
                {i ? ", " : ""}
                <code>{code}</code>
              </span>
            ))}
          </p>
        </Card>
        <Card aria-labelledby="problems-title">
          <CardTitle id="problems-title">{t("problems")}</CardTitle>
          <p className="mb-2 text-sm text-slate-700">{t("problemsLead")}</p>
          <table className="w-full text-sm">
            <tbody>
              {Object.entries(PROBLEMS).map(([code, p]) => (
                <tr key={code} id={code}>
                  <th scope="row" className="py-1 pr-2 text-left font-normal">
                    <code>{code}</code>
                  </th>
                  <td className="py-1 pr-2">{p.status}</td>
                  <td className="py-1">{p.title}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </>
  );
}
