interface Waiting<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers concurrent calls into batches with one batch in flight: whatever arrives while a batch runs
 * forms the next one, so batches grow with the load and a quiet server answers at once. Under load one
 * statement serves many requests, which is what lets intake keep up (a round trip to the database
 * costs more than the work it carries). If a batch fails, each of its items is run again alone, so
 * one bad item never fails the others.
 */
export class Batcher<I, O> {
  private queue: Waiting<I, O>[] = [];
  private running = false;

  /** @param run answers a batch: one result per item, in the items' order. */
  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly maxBatch = 64,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) await this.runBatch(this.queue.splice(0, this.maxBatch));
    this.running = false;
  }

  private async runBatch(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const results = await this.run(batch.map((w) => w.item));
      for (const [i, waiting] of batch.entries()) waiting.resolve(results[i]);
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const waiting of batch) {
        await this.run([waiting.item]).then(([result]) => waiting.resolve(result), waiting.reject);
      }
    }
  }
}
