import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { checkSignature, SIGNATURE_HEADERS } from "../../src/platform/signing.js";

/**
 * A stand-in for the city's 12345 platform: a real HTTP server that checks each result's signature,
 * keeps the first message of every Idempotency-Key and counts repeats, as a receiver honouring the
 * key would. It can be stopped and started again on the same port (the platform going down).
 */
export class FakeCityPlatform {
  /** Accepted messages, first of each key, in arrival order. */
  readonly accepted: { key: string; body: Record<string, string> }[] = [];
  /** Every request that arrived, repeats and bad signatures included. */
  requests = 0;
  repeats = 0;
  badSignatures = 0;
  private server: Server | null = null;
  port = 0;

  /** Holds each answer this long after taking the message (a slow platform; a sender may die meanwhile). */
  delayMs = 0;

  constructor(private readonly secret: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/api/results`;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        this.requests += 1;
        const body = Buffer.concat(chunks).toString("utf8");
        const header = (name: string) => request.headers[name] as string | undefined;
        const problem = checkSignature(
          this.secret,
          {
            timestamp: header(SIGNATURE_HEADERS.timestamp),
            nonce: header(SIGNATURE_HEADERS.nonce),
            signature: header(SIGNATURE_HEADERS.signature),
          },
          body,
          new Date(),
        );
        const key = header("idempotency-key");
        if (problem || !key) {
          this.badSignatures += 1;
          response.writeHead(401).end();
          return;
        }
        if (this.accepted.some((m) => m.key === key)) this.repeats += 1;
        else this.accepted.push({ key, body: JSON.parse(body) });
        setTimeout(() => {
          if (!response.destroyed)
            response.writeHead(200, { "content-type": "application/json" }).end('{"code":0}');
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
