import { describe, expect, it } from "vitest";
import { LineSplitter } from "./line-splitter.ts";

function collect(maxLineLength: number) {
  const lines: Array<{ text: string; isOversized: boolean; length: number }> = [];
  const splitter = new LineSplitter(maxLineLength, (text, isOversized, length) =>
    lines.push({ text, isOversized, length }),
  );
  return { splitter, lines };
}

describe("LineSplitter", () => {
  it("joins lines across chunks and handles CRLF and a last line without newline", () => {
    const { splitter, lines } = collect(100);
    splitter.push("first li");
    splitter.push("ne\r\nsecond\n\nthi");
    splitter.push("rd");
    splitter.end();
    expect(lines.map((l) => l.text)).toEqual(["first line", "second", "", "third"]);
    expect(lines.every((l) => !l.isOversized)).toBe(true);
  });

  it("keeps only the start of an oversized line and reports its full length", () => {
    const { splitter, lines } = collect(10);
    splitter.push("abcdefghij");
    splitter.push("klmnop\nok\n");
    expect(lines).toEqual([
      { text: "abcdefghij", isOversized: true, length: 16 },
      { text: "ok", isOversized: false, length: 2 },
    ]);
  });

  it("cuts an oversized line that arrives whole in one chunk", () => {
    const { splitter, lines } = collect(4);
    splitter.push("abcdefgh\nxy\n");
    expect(lines).toEqual([
      { text: "abcd", isOversized: true, length: 8 },
      { text: "xy", isOversized: false, length: 2 },
    ]);
  });

  it("never buffers more than the limit, however long the line", () => {
    const { splitter, lines } = collect(1000);
    const chunk = "x".repeat(64 * 1024);
    for (let i = 0; i < 200; i++) splitter.push(chunk);
    expect(lines).toEqual([]);
    splitter.end();
    expect(lines[0]?.text.length).toBe(1000);
    expect(lines[0]?.length).toBe(200 * 64 * 1024);
  });
});
