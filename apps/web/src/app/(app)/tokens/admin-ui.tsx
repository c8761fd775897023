"use client";
// Pieces shared by the administration screens (tokens, accounts, members, alerts, audit): the
// "shown once" panel for secrets, server validation messages next to their fields, the
// caller's role, and confirmations before destructive actions.
import { useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { type ReactNode, useState } from "react";
import { errorMessage, useTRPC } from "~/trpc/client.tsx";
import styles from "./admin.module.css";

type Role = "OWNER" | "ADMIN" | "OPERATOR" | "VIEWER";
const RANK: Record<Role, number> = { VIEWER: 0, OPERATOR: 1, ADMIN: 2, OWNER: 3 };

/** The caller's role in the current organisation, and whether it reaches `needed`. */
export function useRole() {
  const trpc = useTRPC();
  const current = useQuery(trpc.tenants.current.queryOptions());
  const role = current.data?.role as Role | undefined;
  return {
    role,
    isLoading: current.isPending,
    can: (needed: Role) => (role ? RANK[role] >= RANK[needed] : false),
  };
}

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

/** A secret or link that the server returns once: shown with a copy button and a warning. */
export function ShownOnce({
  title,
  value,
  testId,
  children,
  onDismiss,
}: {
  title: string;
  value: string;
  testId?: string;
  children?: ReactNode;
  onDismiss: () => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <section className={`panel ${styles.shownOnce}`} aria-live="polite">
      <h2>{title}</h2>
      <p className="small">
        Copy it now: it is shown <strong>only once</strong> and cannot be retrieved later.
      </p>
      <div className={styles.secretRow}>
        <code className={`mono ${styles.secret}`} data-testid={testId}>
          {value}
        </code>
        <button
          type="button"
          className="button small secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      {children}
      <button type="button" className="button small secondary" onClick={onDismiss}>
        Done
      </button>
    </section>
  );
}

/** window.confirm with the consequences spelled out; false in environments without a window. */
export function confirmed(message: string): boolean {
  return typeof window !== "undefined" && window.confirm(message);
}

export function formatDate(at: Date | string | null | undefined): string {
  if (!at) return "–";
  const date = typeof at === "string" ? new Date(at) : at;
  return date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

export function NotAllowed({ what }: { what: string }) {
  return (
    <div className="state empty">
      <strong>Admins only</strong>
      <div className="muted">{what} Ask an admin or owner of this organisation.</div>
    </div>
  );
}
