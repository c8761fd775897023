// What copying a log line into a mail, a forum post or a web page does to it, undone before the
// line is read: quote marks and code backticks around it, HTML entities for its quotes and
// brackets, non-breaking and other Unicode spaces between its words, terminal colour codes.

// Mail and Markdown quoting ("> ", "> > ") and a Markdown code span (`...`).
const QUOTE_MARKS = /^(?:> ?)+/;

/** The line without the quote marks or code backticks a paste put around it (trimmed). */
export function withoutQuoteMarks(line: string): string {
  let text = line.replace(QUOTE_MARKS, "").trim();
  // A code span inside a quote, or a quote inside a code span; no paste nests deeper.
  for (let pass = 0; pass < 2 && text.length > 1 && text.charCodeAt(0) === 96 && text.endsWith("`"); pass++) {
    text = text.slice(1, -1).replace(QUOTE_MARKS, "").trim();
  }
  return text;
}

// Spaces a web page writes for " " (no-break, en/em and thin spaces, the ideographic space of
// Chinese pages) and zero-width characters.
const UNICODE_SPACE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
// ANSI colour and cursor codes (CSI sequences) a terminal capture keeps.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character is what is removed.
const ANSI_CODE = /\u001b\[[0-9;?]*[A-Za-z]/g;
const HTML_ENTITY = /&(?:(quot|lt|gt|amp|apos|nbsp)|#(\d{1,6})|#x([0-9a-fA-F]{1,5}));/g;
const NAMED_ENTITIES: Record<string, string> = { quot: '"', lt: "<", gt: ">", amp: "&", apos: "'", nbsp: " " };

// Any of the above, in one pass: most lines with non-ASCII text (a Chinese console's) hold none.
const PASTE_MARK = new RegExp([UNICODE_SPACE, ZERO_WIDTH, ANSI_CODE, HTML_ENTITY].map((e) => e.source).join("|"));

/** Whether the line holds something a paste put there that `asPlainText` undoes. */
export function hasPasteMarks(line: string): boolean {
  return PASTE_MARK.test(line);
}

/** The line with its entities decoded, its spaces plain and its colour codes removed. */
export function asPlainText(line: string): string {
  return line
    .replace(ANSI_CODE, "")
    .replace(HTML_ENTITY, (entity, name: string | undefined, decimal: string | undefined, hex: string | undefined) => {
      if (name) return NAMED_ENTITIES[name] ?? entity;
      const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex as string, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .replace(UNICODE_SPACE, " ")
    .replace(ZERO_WIDTH, "");
}

/** Keywords that show a line holds HTML entities (the keyword scan's marker). */
export const HTML_ENTITY_KEYWORDS = ["&quot;", "&lt;", "&gt;", "&amp;", "&apos;", "&nbsp;", "&#"];
