"use client";
// A screen that failed while rendering: the navigation stays, the failure is said plainly, and
// the screen can be tried again without reloading the app.
import { useEffect } from "react";
import { ErrorState } from "~/components/ui.tsx";

export default function ScreenError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const logged = error.digest ? `The server logged it as ${error.digest}. ` : "";
  return (
    <ErrorState
      title="This screen hit an unexpected error."
      error={`${logged}Try again; if it keeps happening, reload the page or open another screen from the menu.`}
      onRetry={reset}
    />
  );
}
