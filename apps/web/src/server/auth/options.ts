import { randomBytes } from "node:crypto";
import { getPrisma, hashPassword, verifyPassword } from "@tunnelwatch/db";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "../env.ts";
import { redis } from "../redis.ts";
import { assertLoginAllowed, clearLoginFailures, LoginRateLimited, recordLoginFailure } from "./login-rate-limit.ts";

const credentialsSchema = z.object({ email: z.email().max(320), password: z.string().min(1).max(1024) });

// Verifying against a real hash when the user does not exist keeps the response time the same,
// so timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
function hashForUnknownUser(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
}

export const SIGN_IN_ERRORS: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect.",
  Unavailable: "Sign-in is temporarily unavailable. Try again in a minute.",
};

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = String(headers?.["x-forwarded-for"] ?? "")
    .split(",")[0]
    ?.trim();
  return forwarded || String(headers?.["x-real-ip"] ?? "unknown");
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const client = clientAddress(req?.headers);
        const prefix = env().QUEUE_PREFIX;
        try {
          await assertLoginAllowed(await redis(), prefix, email, client);
        } catch (error) {
          if (error instanceof LoginRateLimited) throw error;
          // Without Redis the limit cannot be enforced: refuse rather than allow unlimited guesses.
          throw new Error(SIGN_IN_ERRORS.Unavailable);
        }
        const user = await getPrisma().user.findUnique({
          where: { email: email.toLowerCase() },
          select: { id: true, email: true, name: true, passwordHash: true },
        });
        const isValid = await verifyPassword(user?.passwordHash ?? (await hashForUnknownUser()), password);
        if (!user?.passwordHash || !isValid) {
          await recordLoginFailure(await redis(), prefix, email, client);
          return null;
        }
        await clearLoginFailures(await redis(), prefix, email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.userId = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.userId === "string") session.user.id = token.userId;
      return session;
    },
  },
};
