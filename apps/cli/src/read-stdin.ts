/** Stdin as byte chunks, whether the stream was set to give strings or not. */
export async function* stdinBytes(stdin: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  for await (const chunk of stdin) yield typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
}

/** Reads all of stdin as text, refusing more than `limitBytes` (a posture input is small). */
export async function readAllText(stdin: NodeJS.ReadableStream, limitBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const buffer of stdinBytes(stdin)) {
    size += buffer.length;
    if (size > limitBytes) throw new Error(`input is larger than ${Math.round(limitBytes / 1024 / 1024)} MiB`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Writes `text`, waiting for the stream to drain when it asks to (a slow reader must not grow memory). */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> | undefined {
  if (stream.write(text)) return undefined;
  return new Promise((resolve) => stream.once("drain", () => resolve()));
}
