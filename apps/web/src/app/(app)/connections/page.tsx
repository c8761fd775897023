"use client";
// Connections: every VPN connection of the organisation, filtered, sorted and paged on the server;
// filters, sort and page live in the URL so a view can be bookmarked and shared.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { FINDING_CODES } from "@tunnelwatch/core/browser";
import Link from "next/link";
import { useEffect, useState } from "react";
import linkTable from "~/components/link-table.module.css";
import {
  EmptyState,
  ErrorState,
  formatDuration,
  GradeBadge,
  Loading,
  PageHeader,
  Pagination,
  TimeAgo,
} from "~/components/ui.tsx";
import { urlStatePage } from "~/components/url-state-page.tsx";
import { useUrlState } from "~/components/use-url-state.ts";
import { useTRPC } from "~/trpc/client.tsx";
import styles from "./connections.module.css";
import { CriticalityBadge, PROVIDER_LABEL, TunnelsBadge } from "./shared.tsx";

const PAGE_SIZE = 50;

const DEFAULTS = {
  q: "",
  provider: "",
  region: "",
  grade: "",
  routing: "",
  status: "",
  criticality: "",
  finding: "",
  gateway: "",
  account: "",
  tag: "",
  sort: "name",
  order: "asc",
  page: "1",
};
type Filters = typeof DEFAULTS;
const FILTER_KEYS = [
  "q",
  "provider",
  "region",
  "grade",
  "routing",
  "status",
  "criticality",
  "finding",
  "gateway",
  "account",
  "tag",
] as const;

const GRADES = ["A", "B", "C", "D", "F", "UNGRADED"] as const;
const STATUSES = [
  { value: "ALL_UP", label: "All tunnels up" },
  { value: "ANY_DOWN", label: "A tunnel down" },
  { value: "REDUNDANCY_LOST", label: "Redundancy lost" },
  { value: "OUTAGE", label: "No tunnel up" },
] as const;
const CRITICALITIES = ["CRITICAL", "HIGH", "NORMAL", "LOW"] as const;
const SORTS = ["name", "grade", "expectedDowntimeSec", "tunnelsUp", "lastSeenAt"] as const;
type Sort = (typeof SORTS)[number];

const oneOf = <T extends string>(values: readonly T[], value: string): T | undefined =>
  (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** The list input from the URL: unknown values are dropped rather than sent. */
function listInput(f: Filters) {
  const page = Math.max(1, Number.parseInt(f.page, 10) || 1);
  const tag = f.tag.includes("=") ? f.tag : undefined;
  return {
    page,
    pageSize: PAGE_SIZE,
    sort: oneOf(SORTS, f.sort) ?? "name",
    order: f.order === "desc" ? ("desc" as const) : ("asc" as const),
    ...(f.q ? { q: f.q } : {}),
    ...(oneOf(["AWS", "ALIBABA", "MULESOFT"] as const, f.provider) ? { provider: f.provider as "AWS" } : {}),
    ...(f.region ? { region: f.region } : {}),
    ...(oneOf(GRADES, f.grade) ? { grade: f.grade as (typeof GRADES)[number] } : {}),
    ...(oneOf(["BGP", "STATIC"] as const, f.routing) ? { routing: f.routing as "BGP" } : {}),
    ...(oneOf(
      STATUSES.map((s) => s.value),
      f.status,
    )
      ? { status: f.status as (typeof STATUSES)[number]["value"] }
      : {}),
    ...(oneOf(CRITICALITIES, f.criticality) ? { criticality: f.criticality as (typeof CRITICALITIES)[number] } : {}),
    ...(oneOf(FINDING_CODES, f.finding) ? { finding: f.finding as (typeof FINDING_CODES)[number] } : {}),
    ...(f.gateway.trim() && f.gateway.length <= 64 ? { gateway: f.gateway.trim() } : {}),
    ...(f.account ? { cloudAccountId: f.account } : {}),
    ...(tag ? { tag } : {}),
  };
}

/** A text box that writes to the URL once typing pauses. */
function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    // Not trimmed here: trimming under the cursor would eat the space between two words.
    const timer = setTimeout(() => onChange(text), 300);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <label>
      <span className="sr-only">Search connections</span>
      <input
        type="search"
        placeholder="Name, vpn-/vco- id or gateway IP"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </label>
  );
}

function TagBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const isInvalid = text !== "" && !text.includes("=");
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!isInvalid) onChange(text.trim());
      }}
    >
      <label>
        <span className="sr-only">Tag (key=value)</span>
        <input
          placeholder="tag: env=prod"
          value={text}
          aria-invalid={isInvalid}
          title={isInvalid ? "Write the tag as key=value" : "Press Enter to filter by this tag"}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => {
            if (!isInvalid && text.trim() !== value) onChange(text.trim());
          }}
          size={16}
        />
      </label>
    </form>
  );
}

function ClearFiltersButton({ set }: { set: (changes: Partial<Filters>) => void }) {
  return (
    <button
      type="button"
      className="button small secondary"
      onClick={() => set(Object.fromEntries(FILTER_KEYS.map((key) => [key, ""])))}
    >
      Clear filters
    </button>
  );
}

function FilterBar({ filters, set }: { filters: Filters; set: (changes: Partial<Filters>) => void }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.connections.filterOptions.queryOptions());
  const select = (key: keyof Filters, label: string, choices: ReadonlyArray<{ value: string; label: string }>) => (
    <label>
      <span className="sr-only">{label}</span>
      <select aria-label={label} value={filters[key]} onChange={(event) => set({ [key]: event.target.value })}>
        <option value="">{label}: any</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
  const isFiltered = FILTER_KEYS.some((key) => filters[key] !== "");
  return (
    <div className={`filters ${styles.filterBar}`}>
      <SearchBox value={filters.q} onChange={(q) => set({ q })} />
      {select(
        "provider",
        "Provider",
        (options.data?.providers.length ? options.data.providers : ["AWS", "ALIBABA", "MULESOFT"]).map((p) => ({
          value: p,
          label: PROVIDER_LABEL[p] ?? p,
        })),
      )}
      {select(
        "region",
        "Region",
        (options.data?.regions ?? []).map((r) => ({ value: r, label: r })),
      )}
      {select(
        "account",
        "Account",
        (options.data?.accounts ?? []).map((a) => ({
          value: a.id,
          label: `${a.name} (${PROVIDER_LABEL[a.provider]})`,
        })),
      )}
      {select(
        "grade",
        "Grade",
        GRADES.map((g) => ({ value: g, label: g === "UNGRADED" ? "Not graded" : g })),
      )}
      {select("status", "Status", STATUSES)}
      {select("routing", "Routing", [
        { value: "BGP", label: "BGP" },
        { value: "STATIC", label: "Static" },
      ])}
      {select(
        "criticality",
        "Criticality",
        CRITICALITIES.map((c) => ({ value: c, label: c.toLowerCase() })),
      )}
      {select(
        "finding",
        "Finding",
        FINDING_CODES.map((code) => ({ value: code, label: code })),
      )}
      {filters.gateway ? (
        <span className="small" data-testid="gateway-filter">
          Customer gateway <span className="mono">{filters.gateway}</span>{" "}
          <button
            type="button"
            className="button small secondary"
            aria-label="Show the connections of every customer gateway"
            onClick={() => set({ gateway: "" })}
          >
            ×
          </button>
        </span>
      ) : null}
      <TagBox value={filters.tag} onChange={(tag) => set({ tag })} />
      {isFiltered ? <ClearFiltersButton set={set} /> : null}
    </div>
  );
}

const COLUMNS: ReadonlyArray<{ label: string; sort?: Sort; right?: boolean }> = [
  { label: "Connection", sort: "name" },
  { label: "Provider / region" },
  { label: "Account" },
  { label: "Routing" },
  { label: "Grade", sort: "grade" },
  { label: "Tunnels up", sort: "tunnelsUp" },
  { label: "Maint. downtime", sort: "expectedDowntimeSec" },
  { label: "Criticality" },
  { label: "Incidents", right: true },
  { label: "Last seen", sort: "lastSeenAt" },
];

function ConnectionsTable({ filters, set }: { filters: Filters; set: (changes: Partial<Filters>) => void }) {
  const trpc = useTRPC();
  const input = listInput(filters);
  const list = useQuery({ ...trpc.connections.list.queryOptions(input), placeholderData: keepPreviousData });
  if (list.isPending) return <Loading label="Loading connections…" />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  const data = list.data;
  const isFiltered = FILTER_KEYS.some((key) => filters[key] !== "");
  if (data.total === 0) {
    return isFiltered ? (
      <EmptyState title="No connection matches these filters">
        <ClearFiltersButton set={set} />
      </EmptyState>
    ) : (
      <EmptyState title="No connections yet">
        Connections appear after the first sync of a cloud account. <Link href="/accounts">Add a cloud account</Link> or
        check that your accounts sync.
      </EmptyState>
    );
  }
  const sortBy = (sort: Sort) =>
    set(
      input.sort === sort
        ? { sort, order: input.order === "asc" ? "desc" : "asc" }
        : { sort, order: sort === "name" || sort === "grade" ? "asc" : "desc" },
    );
  return (
    <>
      <div
        className={`${linkTable.table} ${styles.rows} ${list.isPlaceholderData ? styles.fetching : ""}`}
        aria-busy={list.isFetching}
      >
        <div className={`${linkTable.head} ${styles.head}`}>
          {COLUMNS.map((column) => (
            <span key={column.label} className={column.right ? styles.right : undefined}>
              {column.sort ? (
                <button
                  type="button"
                  className={styles.sortButton}
                  aria-pressed={input.sort === column.sort}
                  onClick={() => sortBy(column.sort as Sort)}
                >
                  {column.label}
                  {input.sort === column.sort ? (input.order === "asc" ? " ▲" : " ▼") : ""}
                </button>
              ) : (
                column.label
              )}
            </span>
          ))}
        </div>
        {data.items.map((c) => (
          <Link
            key={c.id}
            href={`/connections/${c.id}`}
            className={`${linkTable.row} ${c.deletedAt ? styles.removed : ""}`}
            data-testid="connection-row"
          >
            <span>
              <span className={styles.name}>{c.name}</span>
              <span className={`${styles.sub} mono`}>
                {c.externalId}
                {c.deletedAt ? " · removed" : ""}
              </span>
            </span>
            <span>
              {PROVIDER_LABEL[c.provider] ?? c.provider}
              <span className={styles.sub}>{c.region}</span>
            </span>
            <span>{c.cloudAccount.name}</span>
            <span>{c.routing === "BGP" ? "BGP" : "static"}</span>
            <span>
              <GradeBadge grade={c.grade} />
            </span>
            <span>
              <TunnelsBadge up={c.tunnelsUp} total={c.tunnelsTotal} />
            </span>
            <span>{formatDuration(c.expectedDowntimeSec)}</span>
            <span>
              <CriticalityBadge criticality={c.criticality} />
            </span>
            <span className={styles.right}>
              {c.openIncidents > 0 ? (
                <span className="badge bad">{c.openIncidents}</span>
              ) : (
                <span className="muted">0</span>
              )}
            </span>
            <span>
              <TimeAgo at={c.lastSeenAt} />
            </span>
          </Link>
        ))}
      </div>
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        onPage={(page) => set({ page: String(page) })}
      />
    </>
  );
}

function ConnectionsPage() {
  const [filters, set] = useUrlState(DEFAULTS);
  return (
    <>
      <PageHeader
        title="Connections"
        description="Every site-to-site VPN connection across your cloud accounts, with its tunnels, HA grade and expected downtime at the provider's next maintenance."
      />
      <FilterBar filters={filters} set={set} />
      <ConnectionsTable filters={filters} set={set} />
    </>
  );
}

export default urlStatePage(ConnectionsPage);
