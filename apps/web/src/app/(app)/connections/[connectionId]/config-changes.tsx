"use client";
// Configuration drift: every setting of the connection and its tunnels that changed between two
// polls of the provider, newest first, with the HA grade before and after the poll that saw it.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { EmptyState } from "~/components/ui.tsx";
import { useTRPC } from "~/trpc/client.tsx";
import { ConfigChangePage } from "../config-change-table.tsx";
import styles from "./connection.module.css";

const PAGE_SIZE = 20;

export interface ConfigChangeFilters {
  /** "all", or "made": without the endpoints the provider replaced. */
  changes: string;
  changePage: string;
}

export function ConfigChangesPanel({
  connectionId,
  filters,
  set,
}: {
  connectionId: string;
  filters: ConfigChangeFilters;
  set: (changes: Partial<ConfigChangeFilters>) => void;
}) {
  const trpc = useTRPC();
  const page = Math.max(1, Number.parseInt(filters.changePage, 10) || 1);
  const madeOnly = filters.changes === "made";
  const changes = useQuery({
    ...trpc.connections.configChanges.queryOptions({ connectionId, page, pageSize: PAGE_SIZE, madeOnly }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="panel" aria-labelledby="config-changes-heading">
      <div className={styles.panelHead}>
        <h2 id="config-changes-heading">Configuration changes</h2>
        <label className="small">
          <input
            type="checkbox"
            checked={!madeOnly}
            onChange={(event) => set({ changes: event.target.checked ? "all" : "made", changePage: "1" })}
          />{" "}
          Include endpoints the provider replaced
        </label>
      </div>
      <p className="muted small">
        Each poll of the provider is compared with the one before: a setting changed at the provider (DPD, lifetimes,
        algorithms, routing, the customer gateway, an endpoint replaced by maintenance) shows here with the grade before
        and after.
      </p>
      <ConfigChangePage
        query={changes}
        showConnection={false}
        onPage={(p) => set({ changePage: String(p) })}
        empty={
          <EmptyState title="No configuration change seen">
            {madeOnly
              ? "Nobody has changed this connection's settings since Tunnelwatch first read it."
              : "The connection's settings are as Tunnelwatch first read them."}
          </EmptyState>
        }
      />
    </section>
  );
}
