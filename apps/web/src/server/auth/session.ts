import { getServerSession } from "next-auth";
import { authOptions } from "./options.ts";

export async function currentUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.id ?? null;
}
