import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { auth } from "./config";
import { loadActor, type Actor } from "./actor";

/** The acting user of this request, loaded once per request. */
export const currentActor = cache(async (): Promise<Actor> => {
  const session = await auth();
  return loadActor(await getDb(), session?.user?.id);
});
