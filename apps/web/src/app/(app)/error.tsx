"use client";
// A screen that failed while rendering: the navigation stays, the failure is said plainly, and
// the screen can be tried again without reloading the app.
import { useEffect } from "react";

export default function ScreenError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="state error" role="alert">
      <strong>This screen hit an unexpected error.</strong>{" "}
      <span>
        {error.digest ? `The server logged it as ${error.digest}. ` : ""}Try again; if it keeps happening, reload the
        page or open another screen from the menu.
      </span>
      <button type="button" className="button small secondary" onClick={() => reset()}>
        Try again
      </button>
    </div>
  );
}
