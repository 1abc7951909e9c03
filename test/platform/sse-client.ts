/** One server-sent event as a client sees it. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/** Reads a text/event-stream response block by block, the way a test wants to look at it. */
export class SseReader {
  private buffer = "";
  private readonly decoder = new TextDecoder();
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(response: Response) {
    if (!response.body) throw new Error("response has no body");
    this.reader = response.body.getReader();
  }

  /** The next raw block (the text up to a blank line), or null once the server ended the stream. */
  async nextBlock(): Promise<string | null> {
    while (!this.buffer.includes("\n\n")) {
      const { done, value } = await this.reader.read();
      if (done) return null;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
    const end = this.buffer.indexOf("\n\n");
    const block = this.buffer.slice(0, end);
    this.buffer = this.buffer.slice(end + 2);
    return block;
  }

  /** The next named event, skipping comments and `retry:` lines; null at the end of the stream. */
  async nextEvent(): Promise<ServerSentEvent | null> {
    for (let block = await this.nextBlock(); block !== null; block = await this.nextBlock()) {
      const fields = new Map(
        block
          .split("\n")
          .filter((line) => !line.startsWith(":"))
          .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trimStart()]),
      );
      if (fields.has("event")) return { event: fields.get("event") ?? "", data: fields.get("data") ?? "" };
    }
    return null;
  }

  /** Reads blocks until one satisfies `match`; null if the stream ends first. */
  async until(match: (block: string) => boolean): Promise<string | null> {
    for (let block = await this.nextBlock(); block !== null; block = await this.nextBlock()) {
      if (match(block)) return block;
    }
    return null;
  }
}
