"use server";
/** The administrators keep a recourse body's details and an IRM's own clocks, through the action pipeline; the data layer checks the role and the values. */
import { z } from "zod";
import { updateBodyClocks, updateBodyDetails } from "@/lib/directory/bodies";
import { formAction } from "./form-action";

const text = z.string().max(2000).optional();

export const saveBodyDetails = formAction(z.object({ providerId: z.string().max(100), name: text, contactEmail: text, website: text }), async (input, { db, actor, now, meta }) => {
  await updateBodyDetails(db, actor, { providerId: input.providerId, name: input.name ?? "", contactEmail: input.contactEmail ?? "", website: input.website ?? "" }, now, meta);
  return "saved";
});

const short = z.string().max(20).optional();

/** An IRM's published clocks; the answer says how many open cases got new due dates. */
export const saveBodyClocks = formAction(
  z.object({ providerId: z.string().max(100), acknowledgeDays: short, acknowledgeUnit: short, determinationDays: short, determinationUnit: short, pausesWhileAwaitingComplainant: short }),
  async (input, { db, actor, now, meta }) => {
    const { recomputed } = await updateBodyClocks(
      db,
      actor,
      {
        providerId: input.providerId,
        acknowledgeDays: input.acknowledgeDays ?? "",
        acknowledgeUnit: input.acknowledgeUnit ?? "",
        determinationDays: input.determinationDays ?? "",
        determinationUnit: input.determinationUnit ?? "",
        pausesWhileAwaitingComplainant: input.pausesWhileAwaitingComplainant === "yes",
      },
      now,
      meta,
    );
    return { done: "saved", result: { recomputed } };
  },
);
