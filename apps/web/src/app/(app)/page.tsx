"use client";
import { useQuery } from "@tanstack/react-query";
import { PageHeader, QueryView } from "~/components/ui.tsx";
import { useTRPC } from "~/trpc/client.tsx";

export default function FleetPage() {
  const trpc = useTRPC();
  const current = useQuery(trpc.tenants.current.queryOptions());
  return (
    <>
      <PageHeader title="Fleet overview" />
      <QueryView query={current}>{(tenant) => <p>{tenant.name}</p>}</QueryView>
    </>
  );
}
