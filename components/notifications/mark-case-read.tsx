"use client";
import { useEffect } from "react";
import { markCaseReadAction } from "@/lib/actions/notification-actions";

/**
 * Rendered on a case page while the viewer has unread bell items about the case: once the
 * page is shown (not when it is prefetched), they are read and the bell's count follows.
 */
export function MarkCaseRead({ caseId }: { caseId: string }) {
  useEffect(() => {
    void markCaseReadAction(caseId);
  }, [caseId]);
  return null;
}
