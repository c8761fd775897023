"use client";
// Alerts: the rules that send alerts and the channels they go to, then what was sent: deliveries
// per hour with their latency, and the delivery log (retries, failures, folded repeats).
import { useRole } from "~/components/admin-ui.tsx";
import { Loading } from "~/components/ui.tsx";
import { urlStatePage } from "~/components/url-state-page.tsx";
import { Channels } from "./channels.tsx";
import { DeliveryLog } from "./deliveries.tsx";
import { DeliveryStats } from "./delivery-stats.tsx";
import { Rules } from "./rules.tsx";

function AlertsInner() {
  const { can, isLoading } = useRole();
  if (isLoading) return <Loading />;
  const canManage = can("ADMIN");
  return (
    <>
      {canManage ? null : <div className="notice small">You can see the alert set-up; admins change it.</div>}
      <Rules canManage={canManage} />
      <Channels canManage={canManage} />
      <DeliveryStats />
      <DeliveryLog canRetry={can("OPERATOR")} canManage={canManage} />
    </>
  );
}

export default urlStatePage(AlertsInner, {
  title: "Alerts",
  description:
    "Rules decide which events alert (tunnel down, redundancy lost, incidents, grade drops, maintenance, a customer gateway down); channels are where alerts go: email lists and signed webhooks. Below them, the delivery log shows every alert sent, retried, failed or suppressed.",
});
