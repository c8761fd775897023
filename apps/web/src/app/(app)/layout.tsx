import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "~/components/app-shell.tsx";
import { currentUserId } from "~/server/auth/session.ts";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  if (!(await currentUserId())) redirect("/sign-in");
  return <AppShell>{children}</AppShell>;
}
