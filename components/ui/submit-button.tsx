"use client";
import type { ButtonHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "./button";

/**
 * A form's submit button that cannot fire twice: while its form is being sent it is disabled
 * and announces itself as busy. Without JavaScript it is a plain submit button.
 */
export function SubmitButton({ busyLabel, children, disabled, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "ghost" | "danger"; busyLabel?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" {...props} disabled={disabled || pending} aria-busy={pending || undefined}>
      {children}
      {pending ? <span role="status">{busyLabel ?? "…"}</span> : null}
    </Button>
  );
}
