// Splits a stream of text chunks into lines without holding more than one line in memory.
// A line longer than `maxLineLength` is not buffered: its start is kept (enough to say what it
// was) and the rest is dropped up to the next newline, so memory stays flat on any input.

/** Receives each line; `length` counts the whole line, including any part that was dropped. */
export type OnLine = (text: string, isOversized: boolean, length: number) => void;

export class LineSplitter {
  private pending = "";
  private droppedLength = 0;

  constructor(
    private readonly maxLineLength: number,
    private readonly onLine: OnLine,
  ) {}

  /** Calls onLine for every line that `chunk` completes, in order. */
  push(chunk: string): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf("\n", start);
      if (newline === -1) break;
      if (this.pending === "" && this.droppedLength === 0 && newline - start <= this.maxLineLength) {
        // The common case: a whole line inside this chunk.
        const end = newline > start && chunk.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        this.onLine(chunk.slice(start, end), false, end - start);
      } else {
        this.append(chunk, start, newline);
        this.emit();
      }
      start = newline + 1;
    }
    this.append(chunk, start, chunk.length);
  }

  /** Emits the last line, if the input did not end with a newline. */
  end(): void {
    if (this.pending !== "" || this.droppedLength > 0) this.emit();
  }

  private append(chunk: string, from: number, to: number): void {
    if (from === to) return;
    const room = this.maxLineLength - this.pending.length;
    if (this.droppedLength > 0 || to - from > room) {
      if (room > 0) this.pending += chunk.slice(from, from + room);
      this.droppedLength += to - from - Math.max(room, 0);
      return;
    }
    this.pending += chunk.slice(from, to);
  }

  private emit(): void {
    let text = this.pending;
    if (text.endsWith("\r")) text = text.slice(0, -1);
    const length = this.pending.length + this.droppedLength;
    const isOversized = this.droppedLength > 0;
    this.pending = "";
    this.droppedLength = 0;
    this.onLine(text, isOversized, length);
  }
}
