"use client";
// A button that copies a text to the clipboard and says how that went for a moment.
import { useState } from "react";

export function CopyButton({ text, disabled = false }: { text: string | undefined; disabled?: boolean }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async (value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // No clipboard (an insecure origin, a refused permission): the text stays selectable.
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2_500);
  };
  return (
    <button
      type="button"
      className="button small secondary"
      disabled={disabled || text === undefined}
      onClick={() => text !== undefined && copy(text)}
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Select and copy by hand" : "Copy"}
    </button>
  );
}
