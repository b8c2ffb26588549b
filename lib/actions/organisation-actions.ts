"use server";
/**
 * The organisation's settings from forms, through the action pipeline: zod for the form's
 * shape, the data layer for who may change what and for the values themselves.
 */
import { redirect } from "next/navigation";
import { z } from "zod";
import { startSessionCookie } from "./session-cookie";
import { updateArrangement, updateProfile } from "@/lib/organisations/profile";
import { acceptInvitation, cancelInvitation, declineInvitation, inviteColleague } from "@/lib/organisations/invitations";
import { ORG_ROLES, removeMember, setMemberRole } from "@/lib/organisations/team";
import { createReplyTemplate, deleteReplyTemplate, updateReplyTemplate } from "@/lib/organisations/reply-templates";
import { formAction } from "./form-action";

const organisationForm = z.object({ organisationId: z.uuid({ message: "invalid" }) });
const text = z.string().max(2000).optional();
const memberForm = organisationForm.extend({ userId: z.string().max(64) });

export const saveProfile = formAction(organisationForm.extend({ contactEmail: text, contactAddress: text, website: text }), async (input, { db, actor, now }) => {
  await updateProfile(db, actor, input.organisationId, { contactEmail: input.contactEmail ?? "", contactAddress: input.contactAddress ?? "", website: input.website ?? "" }, now);
  return "saved";
});

export const saveArrangement = formAction(organisationForm.extend({ framework: text, irm: text, coversHrData: text }), async (input, { db, actor, now }) => {
  await updateArrangement(db, actor, input.organisationId, { framework: input.framework, irm: input.irm ?? "", coversHrData: input.coversHrData }, now);
  return "saved";
});

export const invite = formAction(organisationForm.extend({ email: text, name: text, role: text }), async (input, { db, actor, now, locale }) => {
  await inviteColleague(db, actor, input.organisationId, { email: input.email ?? "", name: input.name, role: input.role }, now, locale);
  return "invited";
});

export const changeRole = formAction(memberForm.extend({ role: z.enum(ORG_ROLES) }), async (input, { db, actor, now }) => {
  await setMemberRole(db, actor, input.organisationId, input.userId, input.role, now);
  return "saved";
});

export const remove = formAction(memberForm, async (input, { db, actor, now }) => {
  await removeMember(db, actor, input.organisationId, input.userId, now);
  return "removed";
});

export const cancelInvite = formAction(organisationForm.extend({ invitationId: z.uuid({ message: "invalid" }) }), async (input, { db, actor, now }) => {
  await cancelInvitation(db, actor, input.organisationId, input.invitationId, now);
  return "cancelled";
});

const templateForm = organisationForm.extend({ templateId: z.uuid({ message: "invalid" }).optional(), name: text, body: z.string().max(20_000).optional() });

/** A reply template saved: a new one, or changes to one (`templateId`). */
export const saveReplyTemplate = formAction(templateForm, async ({ organisationId, templateId, name, body }, { db, actor, now }) => {
  const input = { name: name ?? "", body: body ?? "" };
  if (templateId) await updateReplyTemplate(db, actor, organisationId, templateId, input, now);
  else await createReplyTemplate(db, actor, organisationId, input, now);
  return "saved";
});

export const removeReplyTemplate = formAction(organisationForm.extend({ templateId: z.uuid({ message: "invalid" }) }), async (input, { db, actor, now }) => {
  await deleteReplyTemplate(db, actor, input.organisationId, input.templateId, now);
  return "removed";
});

const invitationForm = z.object({ token: z.string().min(20).max(100) });

/** The invited person's yes: the membership, then a session as the invited address, then the queue. */
export const acceptInvite = formAction(invitationForm, async ({ token }, { db, now, locale }) => {
  const { userId } = await acceptInvitation(db, token, now, locale);
  await startSessionCookie(db, userId);
  redirect(`/${locale}/org`);
});

export const declineInvite = formAction(invitationForm, async ({ token }, { db, now }) => {
  await declineInvitation(db, token, now);
  return "declined";
});
