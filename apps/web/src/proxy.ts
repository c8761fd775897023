// Links from alerts name their organisation (?org=<slug>): opening one selects that organisation,
// as the switcher does, so the incident opens for people who belong to several. The API still
// checks membership; a slug the person is not a member of changes nothing they can see.
import { type NextRequest, NextResponse } from "next/server";
import { TENANT_COOKIE } from "./app/(app)/organisations/new/tenant-cookie.ts";

const SLUG = /^[a-z0-9-]{1,64}$/;

export function proxy(request: NextRequest) {
  const org = request.nextUrl.searchParams.get("org");
  if (org === null) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.searchParams.delete("org");
  const response = NextResponse.redirect(url);
  if (SLUG.test(org)) {
    response.cookies.set(TENANT_COOKIE, org, { path: "/", maxAge: 31_536_000, sameSite: "lax" });
  }
  return response;
}

export const config = {
  // Pages only: not the API, Next's assets or files.
  matcher: ["/((?!api/|_next/|.*\\..*).*)"],
};
