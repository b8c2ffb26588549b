"use client";
import { useEffect } from "react";
import { Notice } from "@/components/ui/notice";

/**
 * What a step taken on its own page did, said on the page it returns to (`?done=`); the
 * parameter is then dropped from the address, so reloading or sharing it does not say it again.
 */
export function DoneOnArrival({ text }: { text: string }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.delete("done");
    window.history.replaceState(window.history.state, "", url);
  }, []);
  return <Notice tone="good">{text}</Notice>;
}
