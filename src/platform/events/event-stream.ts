import type { ServerResponse } from "node:http";

/** Past this many unsent bytes the client is not reading: drop it rather than buffer without bound. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** A `text/event-stream` written straight to a raw response. */
export class EventStream {
  private constructor(private readonly raw: ServerResponse) {}

  /** Sends the headers and the client's reconnection delay. */
  static open(raw: ServerResponse, retryMs: number): EventStream {
    raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      // Tells nginx-style proxies not to buffer the stream.
      "x-accel-buffering": "no",
      // Once a stream ends its socket goes too: a server shutting down then waits for no kept-alive socket.
      connection: "close",
    });
    const stream = new EventStream(raw);
    stream.write(`retry: ${retryMs}\n\n`);
    return stream;
  }

  /** One named event; JSON never contains a raw newline, so `data` stays one line. */
  send(event: string, data: unknown): void {
    this.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** A comment line: ignored by clients, keeps proxies from timing the connection out. */
  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  get closed(): boolean {
    return this.raw.writableEnded || this.raw.destroyed;
  }

  close(): void {
    if (!this.closed) this.raw.end();
  }

  private write(chunk: string): void {
    if (this.closed) return;
    if (this.raw.writableLength > MAX_BUFFERED_BYTES) this.close();
    else this.raw.write(chunk);
  }
}
