// The organisation the dashboard acts on is named by the tw-tenant cookie (read by the tRPC
// route handler, set by the tenant switcher in app-shell.tsx).
export const TENANT_COOKIE = "tw-tenant";

export function setTenantCookie(slug: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every supported browser
  document.cookie = `${TENANT_COOKIE}=${encodeURIComponent(slug)}; path=/; max-age=31536000; samesite=lax`;
}

/** Back to the default organisation (the first one joined). */
export function clearTenantCookie(): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every supported browser
  document.cookie = `${TENANT_COOKIE}=; path=/; max-age=0; samesite=lax`;
}
