import { describe, expect, it } from "vitest";
import { LineSplitter } from "./line-splitter.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

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
    splitter.push(bytes("first li"));
    splitter.push(bytes("ne\r\nsecond\n\nthi"));
    splitter.push(bytes("rd"));
    splitter.end();
    expect(lines.map((l) => l.text)).toEqual(["first line", "second", "", "third"]);
    expect(lines.every((l) => !l.isOversized)).toBe(true);
  });

  it("keeps only the start of an oversized line and reports its full length", () => {
    const { splitter, lines } = collect(10);
    splitter.push(bytes("abcdefghij"));
    splitter.push(bytes("klmnop\nok\n"));
    expect(lines).toEqual([
      { text: "abcdefghij", isOversized: true, length: 16 },
      { text: "ok", isOversized: false, length: 2 },
    ]);
  });

  it("cuts an oversized line that arrives whole in one chunk", () => {
    const { splitter, lines } = collect(4);
    splitter.push(bytes("abcdefgh\nxy\n"));
    expect(lines).toEqual([
      { text: "abcd", isOversized: true, length: 8 },
      { text: "xy", isOversized: false, length: 2 },
    ]);
  });

  it("splits on bytes, so a character split across chunks arrives whole", () => {
    const { splitter, lines } = collect(100);
    const line = bytes("IKE_SA 接続 established\n");
    const cut = line.indexOf(0xe6) + 1;
    splitter.push(line.subarray(0, cut));
    splitter.push(line.subarray(cut));
    expect(lines).toEqual([{ text: "IKE_SA 接続 established", isOversized: false, length: line.length - 1 }]);
  });

  it("turns invalid UTF-8 into U+FFFD in that line only", () => {
    const { splitter, lines } = collect(100);
    splitter.push(new Uint8Array([0x61, 0xff, 0x62, 0x0a, 0x6f, 0x6b, 0x0a]));
    expect(lines.map((l) => l.text)).toEqual(["a\ufffdb", "ok"]);
  });

  it("never buffers more than the limit, however long the line", () => {
    const { splitter, lines } = collect(1000);
    const chunk = bytes("x".repeat(64 * 1024));
    for (let i = 0; i < 200; i++) splitter.push(chunk);
    expect(lines).toEqual([]);
    splitter.end();
    expect(lines[0]?.text.length).toBe(1000);
    expect(lines[0]?.length).toBe(200 * 64 * 1024);
  });
});
