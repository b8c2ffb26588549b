"use client";
import { Button } from "./button";

/** Opens the browser's print dialog, where the page can also be saved as a PDF. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
