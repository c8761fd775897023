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
import { useState } from "react";
import { ErrorState, Loading } from "~/components/ui.tsx";
import { useTRPC } from "~/trpc/client.tsx";
import styles from "./connection.module.css";

export function GatewayConfigPanel({
  connectionId,
  statedVendor,
  vendor,
  onVendor,
}: {
  connectionId: string;
  /** The vendor the tenant says its gateway is, if one we can write for. */
  statedVendor: string | undefined;
  vendor: string;
  onVendor: (vendor: GatewayConfigVendor) => void;
}) {
  const trpc = useTRPC();
  const chosen: GatewayConfigVendor = isGatewayConfigVendor(vendor)
    ? vendor
    : statedVendor && isGatewayConfigVendor(statedVendor)
      ? statedVendor
      : "strongswan";
  const [copied, setCopied] = useState(false);
  const config = useQuery({
    ...trpc.connections.gatewayConfig.queryOptions({ connectionId, vendor: chosen }),
    placeholderData: keepPreviousData,
  });
  const copy = async (text: string) => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2_000);
  };
  return (
    <section className="panel" aria-labelledby="gateway-config-heading">
      <div className={styles.panelHead}>
        <h2 id="gateway-config-heading">Customer gateway configuration</h2>
        <div className="filters" style={{ marginBottom: 0 }}>
          <select
            aria-label="Gateway vendor"
            value={chosen}
            onChange={(event) => onVendor(event.target.value as GatewayConfigVendor)}
          >
            {GATEWAY_CONFIG_VENDORS.map((v) => (
              <option key={v} value={v}>
                {GATEWAY_CONFIG_VENDOR_LABELS[v]}
              </option>
            ))}
          </select>
          {config.data ? (
            <button type="button" className="button small secondary" onClick={() => copy(config.data.text)}>
              {copied ? "Copied" : "Copy"}
            </button>
          ) : null}
        </div>
      </div>
      <p className="muted small">
        Generated from the provider's endpoints and inside addresses, with the recommended proposals, lifetimes, DPD and
        BGP timers (the strongest proposal the provider accepts). Replace the &lt;placeholders&gt;: pre-shared keys are
        never read from the provider.
      </p>
      {config.isPending ? (
        <Loading label="Writing the configuration…" />
      ) : config.isError ? (
        <ErrorState error={config.error} onRetry={() => config.refetch()} />
      ) : (
        <>
          {config.data.notes.length > 1 ? (
            <ul className="small" data-testid="gateway-config-notes">
              {config.data.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
          <pre className={styles.config} data-testid="gateway-config">
            {config.data.text}
          </pre>
        </>
      )}
    </section>
  );
}
