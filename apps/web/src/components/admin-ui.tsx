"use client";
// Pieces shared by the administration screens (tokens, accounts, members, alerts, audit): the
// caller's role, confirmations before destructive actions, table shells and small badges.
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTRPC } from "~/trpc/client.tsx";
import styles from "./admin.module.css";

export type Role = "OWNER" | "ADMIN" | "OPERATOR" | "VIEWER";
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

/**
 * A button that asks `confirm` (a sentence with the consequences) and runs `onConfirm` only when
 * the person agrees. `beforeConfirm` runs on every click first (e.g. to clear an earlier error).
 */
export function ConfirmButton({
  confirm,
  onConfirm,
  beforeConfirm,
  className = "button small danger",
  disabled,
  title,
  children,
}: {
  confirm: string;
  onConfirm: () => void;
  beforeConfirm?: () => void;
  className?: string;
  disabled?: boolean;
  title?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className}
      disabled={disabled}
      title={title}
      onClick={() => {
        beforeConfirm?.();
        if (confirmed(confirm)) onConfirm();
      }}
    >
      {children}
    </button>
  );
}

/** "enabled" (green) or "disabled" (plain). */
export function EnabledBadge({ enabled }: { enabled: boolean }) {
  return <span className={`badge ${enabled ? "ok" : ""}`}>{enabled ? "enabled" : "disabled"}</span>;
}

/** "Disable" for something enabled, "Enable" for something disabled. */
export function EnableToggle({ enabled, onToggle }: { enabled: boolean; onToggle: (enabled: boolean) => void }) {
  return (
    <button type="button" className="button small secondary" onClick={() => onToggle(!enabled)}>
      {enabled ? "Disable" : "Enable"}
    </button>
  );
}

/** A list's `value` added (on) or removed (off), without duplicates. */
export function toggled<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

/** A section heading with controls (a button, a filter) on its right. */
export function SectionHeader({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  return (
    <div className={styles.sectionHeader}>
      <h2 id={id}>{title}</h2>
      {children}
    </div>
  );
}
