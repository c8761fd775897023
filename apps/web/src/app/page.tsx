import { getPrisma } from "@tunnelwatch/db";
import { redirect } from "next/navigation";
import { currentUserId } from "~/server/auth/session.ts";
import { SignOutButton } from "./sign-out-button.tsx";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const userId = await currentUserId();
  if (!userId) redirect("/sign-in");
  const user = await getPrisma().user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      name: true,
      memberships: { select: { role: true, tenant: { select: { name: true, slug: true } } } },
    },
  });
  if (!user) redirect("/sign-in");
  return (
    <main className="page">
      <h1>Tunnelwatch</h1>
      <p className="muted">
        Signed in as {user.name ?? user.email} ({user.email})
      </p>
      <h2>Your organisations</h2>
      {user.memberships.length === 0 ? (
        <p className="muted">You are not a member of any organisation yet.</p>
      ) : (
        <ul>
          {user.memberships.map((m) => (
            <li key={m.tenant.slug}>
              {m.tenant.name} <span className="muted">({m.role.toLowerCase()})</span>
            </li>
          ))}
        </ul>
      )}
      <SignOutButton />
    </main>
  );
}
