"use client";
// Form pieces: server validation messages next to their fields, and the form-level error.
import { TRPCClientError } from "@trpc/client";
import type { ReactNode } from "react";
import { errorMessage } from "~/trpc/client.tsx";
import styles from "./admin.module.css";

/** Server validation issues by field path ("credentials.accessKeyId"), and the error as a sentence. */
export function formErrors(error: unknown): { fields: Record<string, string>; message: string | null } {
  if (!error) return { fields: {}, message: null };
  const fields: Record<string, string> = {};
  if (error instanceof TRPCClientError) {
    const issues = (error.data as { issues?: Array<{ path: string; message: string }> } | undefined)?.issues;
    for (const issue of issues ?? []) fields[issue.path] ??= issue.message;
    if (issues?.length) return { fields, message: "Check the highlighted fields." };
  }
  return { fields, message: errorMessage(error) };
}

export function FieldError({ errors, name }: { errors: Record<string, string>; name: string }) {
  const message =
    errors[name] ?? Object.entries(errors).find(([path]) => path.startsWith(`${name}.`))?.[1] ?? undefined;
  if (!message) return null;
  return (
    <span className={styles.fieldError} role="alert">
      {message}
    </span>
  );
}

/**
 * A labelled form field. The label holds only its text, so the input's accessible name stays
 * exactly `label` (browser tests find inputs by it); hints and errors sit beside it.
 */
export function Field({
  id,
  label,
  name,
  errors,
  hint,
  children,
}: {
  id: string;
  label: string;
  name: string;
  errors: Record<string, string>;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <span className={styles.hint}>{hint}</span> : null}
      <FieldError errors={errors} name={name} />
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="notice error" role="alert">
      {message}
    </div>
  );
}

/**
 * A form's buttons: submit (showing `busyLabel` while `pending`), any extra buttons, and Cancel
 * when `onCancel` is given.
 */
export function FormButtons({
  label,
  pending,
  busyLabel = "Saving…",
  onCancel,
  children,
}: {
  label: string;
  pending: boolean;
  busyLabel?: string;
  onCancel?: () => void;
  children?: ReactNode;
}) {
  return (
    <div className={styles.formButtons}>
      <button type="submit" className="button" disabled={pending}>
        {pending ? busyLabel : label}
      </button>
      {children}
      {onCancel ? (
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}
