"use client";
// The customer gateway's configuration for this connection, generated for one vendor: what to
// paste on the on-prem side so that it matches the provider's endpoints and the recommendation.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  GATEWAY_CONFIG_VENDOR_LABELS,
  GATEWAY_CONFIG_VENDORS,
  type GatewayConfigVendor,
  isGatewayConfigVendor,
} from "@tunnelwatch/core/browser";
import { CopyButton } from "~/components/copy-button.tsx";
import { EmptyState, QueryView } from "~/components/ui.tsx";
import { useTRPC } from "~/trpc/client.tsx";
import styles from "./connection.module.css";

export interface GatewayConfigFilters {
  gatewayVendor: string;
  /** The first tunnel interface number, as typed. */
  gatewayUnit: string;
}

/** The first interface number asked for, when it is one (0 to 9999). */
function unitOf(text: string): number | null {
  const unit = Number(text);
  return text.trim() !== "" && Number.isInteger(unit) && unit >= 0 && unit <= 9_999 ? unit : null;
}

export function GatewayConfigPanel({
  connectionId,
  statedVendor,
  filters,
  set,
}: {
  connectionId: string;
  /** The vendor the tenant says its gateway is, if one we can write for. */
  statedVendor: string | undefined;
  filters: GatewayConfigFilters;
  set: (changes: Partial<GatewayConfigFilters>) => void;
}) {
  const trpc = useTRPC();
  const vendor: GatewayConfigVendor = isGatewayConfigVendor(filters.gatewayVendor)
    ? filters.gatewayVendor
    : statedVendor && isGatewayConfigVendor(statedVendor)
      ? statedVendor
      : "strongswan";
  const unit = unitOf(filters.gatewayUnit);
  const config = useQuery({
    ...trpc.connections.gatewayConfig.queryOptions({ connectionId, vendor, firstUnit: unit ?? 1 }),
    placeholderData: keepPreviousData,
  });
  const ready = config.data && !config.isPlaceholderData && config.data.tunnelCount > 0;
  return (
    <section className="panel" aria-labelledby="gateway-config-heading">
      <div className={styles.panelHead}>
        <h2 id="gateway-config-heading">Customer gateway configuration</h2>
        <div className="filters" style={{ marginBottom: 0 }}>
          <select
            aria-label="Gateway vendor"
            value={vendor}
            onChange={(event) => set({ gatewayVendor: event.target.value })}
          >
            {GATEWAY_CONFIG_VENDORS.map((v) => (
              <option key={v} value={v}>
                {GATEWAY_CONFIG_VENDOR_LABELS[v]}
              </option>
            ))}
          </select>
          <label className="small">
            First interface{" "}
            <input
              type="number"
              min={0}
              max={9_999}
              className={styles.unitInput}
              aria-label="First tunnel interface number"
              aria-invalid={filters.gatewayUnit !== "" && unit === null}
              placeholder="1"
              value={filters.gatewayUnit}
              onChange={(event) => set({ gatewayUnit: event.target.value })}
            />
          </label>
          <CopyButton text={config.data?.text} disabled={!ready} />
        </div>
      </div>
      <p className="muted small">
        Generated from the provider's endpoints and inside addresses, with the recommended proposal the provider accepts
        (AES-256, SHA-256, DH group 14 where offered), lifetimes, DPD and BGP timers. Replace the &lt;placeholders&gt;:
        pre-shared keys are never read from the provider. Tunnel interfaces are numbered from the first interface on;
        set it so they do not clash with the gateway's others.
      </p>
      {filters.gatewayUnit !== "" && unit === null ? (
        <p className="error small" role="alert">
          The first interface is a whole number from 0 to 9999.
        </p>
      ) : null}
      <QueryView query={config} loadingLabel="Writing the configuration…">
        {(data) =>
          data.tunnelCount === 0 ? (
            <EmptyState title="No tunnel endpoint yet">
              {data.notes[0] ?? "The provider has not given this connection's tunnels an outside IP yet."}
            </EmptyState>
          ) : (
            <>
              {data.notes.length > 1 ? (
                <ul className="small" data-testid="gateway-config-notes">
                  {data.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              ) : null}
              <pre className={styles.config} data-testid="gateway-config" aria-busy={config.isPlaceholderData}>
                {data.text}
              </pre>
            </>
          )
        }
      </QueryView>
    </section>
  );
}
