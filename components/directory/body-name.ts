import type { getTranslations } from "next-intl/server";
import { hasOwnName } from "@/lib/directory/bodies";
import type { ProviderKind } from "@/lib/auth/actor";

type AuthorityKind = Exclude<ProviderKind, "adr" | "arbitration_administrator">;

/** A recourse body's name for this reader: a provider's own name, an authority's name in the reader's language. */
export function bodyName(t: Awaited<ReturnType<typeof getTranslations<"bodies">>>, body: { name: string; kind: ProviderKind }): string {
  return hasOwnName(body.kind) ? body.name : t(`authority.${body.kind as AuthorityKind}`);
}
