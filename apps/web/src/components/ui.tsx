"use client";
// Small building blocks every screen uses, so loading, empty and error states look and read
// the same everywhere.
import type { ReactNode } from "react";
import { errorMessage } from "~/trpc/client.tsx";

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {description ? <p className="muted">{description}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state empty">
      <strong>{title}</strong>
      {children ? <div className="muted">{children}</div> : null}
    </div>
  );
}

export function ErrorState({
  error,
  onRetry,
  title = "Could not load this.",
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <div className="state error" role="alert">
      <strong>{title}</strong> <span>{errorMessage(error)}</span>
      {onRetry ? (
        <button type="button" className="button small secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** Renders a query's loading and error states, and the content once data is there. */
/** What QueryView needs of a query (react-query's result). */
export interface QueryState<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

export function QueryView<T>({
  query,
  children,
  loadingLabel,
}: {
  query: QueryState<T>;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
}) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.isError || query.data === undefined)
    return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  return <>{children(query.data)}</>;
}

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="pagination">
      <button type="button" className="button small secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span className="muted small">
        Page {page} of {pages} · {total.toLocaleString("en")} in all
      </span>
      <button
        type="button"
        className="button small secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Next
      </button>
    </div>
  );
}

const GRADE_CLASS: Record<string, string> = { A: "ok", B: "ok", C: "warn", D: "bad", F: "bad" };

export function GradeBadge({ grade }: { grade: string | null | undefined }) {
  if (!grade) return <span className="badge">–</span>;
  return <span className={`badge grade ${GRADE_CLASS[grade] ?? ""}`}>{grade}</span>;
}

const STATUS_CLASS: Record<string, string> = {
  UP: "ok",
  DOWN: "bad",
  UNKNOWN: "",
  PENDING: "",
  OPEN: "bad",
  ACKNOWLEDGED: "warn",
  RESOLVED: "ok",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge ${STATUS_CLASS[status] ?? ""}`}>{status.toLowerCase()}</span>;
}

const SEVERITY_CLASS: Record<string, string> = { CRITICAL: "bad", MAJOR: "bad", MINOR: "warn", INFO: "" };

export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`badge ${SEVERITY_CLASS[severity.toUpperCase()] ?? ""}`}>{severity.toLowerCase()}</span>;
}

export function TimeAgo({ at }: { at: Date | string | null | undefined }) {
  if (!at) return <span className="muted">–</span>;
  const date = typeof at === "string" ? new Date(at) : at;
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  const text =
    seconds < 60
      ? `${seconds}s ago`
      : seconds < 3600
        ? `${Math.round(seconds / 60)} min ago`
        : seconds < 86_400
          ? `${Math.round(seconds / 3600)} h ago`
          : `${Math.round(seconds / 86_400)} d ago`;
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {text}
    </time>
  );
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "–";
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
