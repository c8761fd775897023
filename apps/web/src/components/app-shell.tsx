"use client";
// Navigation, the tenant switcher and the API provider around every signed-in page.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { setTenantCookie } from "~/app/(app)/organisations/new/tenant-cookie.ts";
import { ApiProvider, useTRPC } from "~/trpc/client.tsx";
import { SignOutButton } from "./sign-out-button.tsx";

export const NAV = [
  { href: "/", label: "Fleet" },
  { href: "/connections", label: "Connections" },
  { href: "/incidents", label: "Incidents" },
  { href: "/logs", label: "Logs" },
  { href: "/maintenance", label: "Maintenance" },
  { href: "/alerts", label: "Alerts" },
  { href: "/accounts", label: "Cloud accounts" },
  { href: "/tokens", label: "API tokens" },
  { href: "/members", label: "Members" },
  { href: "/audit", label: "Audit log" },
] as const;

function TenantSwitcher() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const mine = useQuery(trpc.tenants.mine.queryOptions());
  const current = useQuery(trpc.tenants.current.queryOptions());
  if (mine.isPending || current.isPending) return <span className="muted small">Loading…</span>;
  if (!mine.data?.length) {
    return (
      <Link href="/organisations/new" className="small">
        Create an organisation
      </Link>
    );
  }
  return (
    <label className="tenant-switcher">
      <span className="sr-only">Organisation</span>
      <select
        aria-label="Organisation"
        value={current.data?.slug ?? ""}
        onChange={(event) => {
          if (event.target.value === "__new") {
            router.push("/organisations/new");
            return;
          }
          setTenantCookie(event.target.value);
          // Everything cached belongs to the previous organisation.
          queryClient.clear();
          router.push("/");
          router.refresh();
        }}
      >
        {mine.data.map((tenant) => (
          <option key={tenant.id} value={tenant.slug}>
            {tenant.name} ({tenant.role.toLowerCase()})
          </option>
        ))}
        <option value="__new">+ New organisation…</option>
      </select>
    </label>
  );
}

function Nav() {
  const pathname = usePathname();
  return (
    <nav className="nav" aria-label="Main">
      {NAV.map((item) => {
        const isActive = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <Link key={item.href} href={item.href} className={isActive ? "nav-link active" : "nav-link"}>
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  return (
    <ApiProvider>
      <div className="app">
        <header className="topbar">
          <Link href="/" className="brand-link">
            Tunnelwatch
          </Link>
          <TenantSwitcher />
          <div className="topbar-end">
            <SignOutButton />
          </div>
        </header>
        <Nav />
        <main className="content">{children}</main>
      </div>
    </ApiProvider>
  );
}
