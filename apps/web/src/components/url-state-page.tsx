"use client";
// A page that reads its filters from the URL (useSearchParams) must render inside Suspense in
// Next.js; this gives every such page the same boundary and loading state.
import { type ComponentType, Suspense } from "react";
import { Loading } from "./ui.tsx";

export function urlStatePage(Page: ComponentType): ComponentType {
  return function UrlStatePage() {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  };
}
