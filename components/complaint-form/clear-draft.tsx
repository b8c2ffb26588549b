"use client";
import { useEffect } from "react";

/** Forgets the form's draft for a company once its complaint is filed (the draft lives in this browser). */
export function ClearDraft({ slug }: { slug: string }) {
  useEffect(() => window.localStorage.removeItem(`recourse:draft:${slug}`), [slug]);
  return null;
}
