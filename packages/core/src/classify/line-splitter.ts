// Splits a stream of bytes into lines without holding more than one line in memory.
// A line longer than `maxLineBytes` is not buffered: its start is kept (enough to say what it
// was) and the rest is dropped up to the next newline, so memory stays flat on any input.
//
// Splitting happens on bytes and each line is decoded on its own: the classifier then reads a
// string of its own (one byte per character when the line is ASCII), which its scans and
// regular expressions read about half again as fast as a slice of a larger decoded chunk.
// Invalid UTF-8 becomes U+FFFD, which the classifier reports as binary data for that line.

/** Receives each line; `length` counts the whole line in bytes, including any part that was dropped. */
export type OnLine = (text: string, isOversized: boolean, length: number) => void;

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

export class LineSplitter {
  private readonly decoder = new TextDecoder("utf-8");
  /** The start of a line that continues into the next chunk (copied, at most maxLineBytes). */
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private droppedLength = 0;

  constructor(
    private readonly maxLineBytes: number,
    private readonly onLine: OnLine,
  ) {}

  /** Calls onLine for every line that `chunk` completes, in order. */
  push(chunk: Uint8Array): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      if (newline === -1) break;
      if (this.pendingLength === 0 && this.droppedLength === 0 && newline - start <= this.maxLineBytes) {
        // The common case: a whole line inside this chunk.
        const end = newline > start && chunk[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline;
        this.onLine(this.decoder.decode(chunk.subarray(start, end)), false, end - start);
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
    if (this.pendingLength > 0 || this.droppedLength > 0) this.emit();
  }

  private append(chunk: Uint8Array, from: number, to: number): void {
    if (from === to) return;
    const room = this.maxLineBytes - this.pendingLength;
    const kept = this.droppedLength > 0 ? 0 : Math.min(room, to - from);
    if (kept > 0) {
      this.pending.push(chunk.slice(from, from + kept));
      this.pendingLength += kept;
    }
    this.droppedLength += to - from - kept;
  }

  private emit(): void {
    let bytes = this.pending.length === 1 ? (this.pending[0] as Uint8Array) : concat(this.pending, this.pendingLength);
    const length = this.pendingLength + this.droppedLength;
    const isOversized = this.droppedLength > 0;
    if (!isOversized && bytes[bytes.length - 1] === CARRIAGE_RETURN) bytes = bytes.subarray(0, -1);
    this.pending = [];
    this.pendingLength = 0;
    this.droppedLength = 0;
    this.onLine(this.decoder.decode(bytes), isOversized, isOversized ? length : bytes.length);
  }
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
