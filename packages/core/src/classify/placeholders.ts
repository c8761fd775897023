// Anonymised log lines (forum posts, vendor documents) stand a placeholder where an address or
// a name was. One of several words stops the rules that expect one token there, so it is
// joined into one word while the line is classified, and written back as the line had it.
import type { Classification, ParsedFields } from "./types.ts";

// "<CLIENT IP ADDRESS>", "<peer ip>", "{PEER GW IP}": joined, it fills the place of one token as
// "x.x.x.x" or "<peer_ip>" does.
const PLACEHOLDER = /([<{])([A-Za-z]+(?: [A-Za-z]+){1,4})([>}])/g;

const JOINED_PLACEHOLDER = /([<{])([A-Za-z]+(?:_[A-Za-z]+){1,4})([>}])/g;

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

const OPENING_BRACKETS = ["<", "{"] as const;

/**
 * Whether a "<" or "{" is followed by a word and a space, as a placeholder of several words starts.
 * Checked by hand: many lines have a "<" (syslog priorities, charon's "<conn|1>"), few a placeholder.
 */
export function mayHoldPlaceholder(line: string): boolean {
  for (const open of OPENING_BRACKETS) {
    for (let at = line.indexOf(open); at !== -1; at = line.indexOf(open, at + 1)) {
      let end = at + 1;
      while (isLetter(line.charCodeAt(end))) end++;
      if (end > at + 1 && line.charCodeAt(end) === 32 && isLetter(line.charCodeAt(end + 1))) return true;
    }
  }
  return false;
}

export function joinPlaceholderWords(line: string): string {
  return line.replace(PLACEHOLDER, (whole, open: string, words: string, close: string) =>
    (open === "<") === (close === ">") ? `${open}${words.replaceAll(" ", "_")}${close}` : whole,
  );
}

/** The evidence and fields as the line wrote its placeholders. */
export function withPlaceholdersRestored(result: Classification, line: string): Classification {
  const restore = (text: string) =>
    text.replace(JOINED_PLACEHOLDER, (joined, open: string, words: string, close: string) => {
      const spaced = `${open}${words.replaceAll("_", " ")}${close}`;
      return line.includes(spaced) ? spaced : joined;
    });
  const fields: ParsedFields = { ...result.fields };
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") (fields as Record<string, unknown>)[key] = restore(value);
  }
  return { ...result, evidence: result.evidence === null ? null : restore(result.evidence), fields };
}
