"use client";
// Alerts: the channels alerts go to and the rules that send them. Delivery (deduplication, rate
// limits, retries, the delivery log) runs in the worker.
import { Suspense } from "react";
import { useRole } from "~/components/admin-ui.tsx";
import { Loading, PageHeader } from "~/components/ui.tsx";
import { Channels } from "./channels.tsx";
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
    </>
  );
}

export default function AlertsPage() {
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Rules decide which events alert (tunnel down, redundancy lost, incidents, grade drops, maintenance); channels are where alerts go: email lists and signed webhooks."
      />
      <Suspense fallback={<Loading />}>
        <AlertsInner />
      </Suspense>
    </>
  );
}
