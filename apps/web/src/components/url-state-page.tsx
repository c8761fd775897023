"use client";
// A page that reads state from the URL (useSearchParams) or the session's role must render
// inside Suspense in Next.js; this gives every such page the same boundary and loading state,
// with its header (when given) shown at once, outside the boundary.
import { type ComponentType, Suspense } from "react";
import { Loading, PageHeader } from "./ui.tsx";

export function urlStatePage(Page: ComponentType, header?: { title: string; description: string }): ComponentType {
  return function UrlStatePage() {
    return (
      <>
        {header ? <PageHeader title={header.title} description={header.description} /> : null}
        <Suspense fallback={<Loading />}>
          <Page />
        </Suspense>
      </>
    );
  };
}
