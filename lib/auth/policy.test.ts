/** The policy's answers for API tokens: a token is its organisation or body, never a person. */
import { describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Actor } from "./actor";
import { canManageApiTokens, canReadReplyTemplates, canWriteReplyTemplates, homeOf, managedPrincipals, partiesOnCase, requireActing } from "./policy";

const ORG = "00000000-0000-4000-8000-000000000001";
const OTHER_ORG = "00000000-0000-4000-8000-000000000002";
const ADR = "00000000-0000-4000-8000-000000000003";
const PANEL = "00000000-0000-4000-8000-000000000004";

const user = (memberships: Extract<Actor, { kind: "user" }>["memberships"], isAdmin = false): Actor => ({ kind: "user", userId: "u1", email: "u@example.org", name: null, locale: null, isAdmin, memberships });
const token = (scope: "read" | "act", membership: Extract<Actor, { kind: "token" }>["memberships"][number]): Actor => ({
  kind: "token",
  tokenId: "t1",
  tokenName: "Ticketing",
  scope,
  principal: membership.organisationId ? { organisationId: membership.organisationId } : { providerId: membership.providerId! },
  memberships: [membership],
});
const orgToken = (scope: "read" | "act") => token(scope, { role: "org_staff", organisationId: ORG, providerId: null, providerKind: null });
const adrToken = token("act", { role: "provider_liaison", organisationId: null, providerId: ADR, providerKind: "adr" });

describe("API tokens in the policy", () => {
  it("a token acts as its organisation or its body on a case, never as the complainant or an administrator", () => {
    const onCase = { complainantUserId: "t1", organisationId: ORG, providerIds: [ADR] };
    expect(partiesOnCase(orgToken("act"), onCase)).toEqual(["organisation"]);
    expect(partiesOnCase(adrToken, onCase)).toEqual(["irm"]);
    expect(partiesOnCase(orgToken("act"), { ...onCase, organisationId: OTHER_ORG })).toEqual([]);
    expect(partiesOnCase(adrToken, { ...onCase, providerIds: [] })).toEqual([]);
    expect(homeOf(orgToken("act"))).toBeNull();
  });

  it("only an act token may change a case; a read token is forbidden, nobody is not found", () => {
    expect(() => requireActing(orgToken("act"))).not.toThrow();
    expect(() => requireActing(orgToken("read"))).toThrow(ForbiddenError);
    expect(() => requireActing({ kind: "anonymous" })).toThrow(NotFoundError);
    expect(() => requireActing(user([]))).not.toThrow();
  });

  it("tokens are managed by the organisation's admins, a body's desk, and the administrators", () => {
    expect(canManageApiTokens(user([{ role: "org_admin", organisationId: ORG, providerId: null, providerKind: null }]), { organisationId: ORG })).toBe(true);
    expect(canManageApiTokens(user([{ role: "org_staff", organisationId: ORG, providerId: null, providerKind: null }]), { organisationId: ORG })).toBe(false);
    expect(canManageApiTokens(user([{ role: "org_admin", organisationId: OTHER_ORG, providerId: null, providerKind: null }]), { organisationId: ORG })).toBe(false);
    expect(canManageApiTokens(user([{ role: "provider_liaison", organisationId: null, providerId: ADR, providerKind: "adr" }]), { providerId: ADR })).toBe(true);
    expect(canManageApiTokens(user([{ role: "panel_member", organisationId: null, providerId: PANEL, providerKind: "dpa_panel" }]), { providerId: PANEL })).toBe(false);
    expect(canManageApiTokens(user([], true), { providerId: PANEL })).toBe(true);
    // A token never makes tokens.
    expect(canManageApiTokens(orgToken("act"), { organisationId: ORG })).toBe(false);
    expect(managedPrincipals(user([{ role: "org_admin", organisationId: ORG, providerId: null, providerKind: null }, { role: "panel_member", organisationId: null, providerId: PANEL, providerKind: "dpa_panel" }]))).toEqual([{ organisationId: ORG }]);
  });
});

describe("reply templates in the policy", () => {
  const staff = user([{ role: "org_staff", organisationId: ORG, providerId: null, providerKind: null }]);
  const orgAdmin = user([{ role: "org_admin", organisationId: ORG, providerId: null, providerKind: null }]);
  const otherAdmin = user([{ role: "org_admin", organisationId: OTHER_ORG, providerId: null, providerKind: null }]);

  it("the organisation's staff read them, its admins also write them; another organisation's people do neither; a token does neither", () => {
    expect([canReadReplyTemplates(staff, ORG), canWriteReplyTemplates(staff, ORG)]).toEqual([true, false]);
    expect([canReadReplyTemplates(orgAdmin, ORG), canWriteReplyTemplates(orgAdmin, ORG)]).toEqual([true, true]);
    expect([canReadReplyTemplates(otherAdmin, ORG), canWriteReplyTemplates(otherAdmin, ORG)]).toEqual([false, false]);
    expect([canReadReplyTemplates(orgToken("act"), ORG), canWriteReplyTemplates(orgToken("act"), ORG)]).toEqual([false, false]);
    expect(canReadReplyTemplates({ kind: "anonymous" }, ORG)).toBe(false);
  });
});
