/**
 * The generating thread's entry (see generate-thread.ts): generates the demo city named in `workerData` into a bulk
 * inserter whose flushes are handed across to be written, at most one waiting while the next is generated.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { BatchExecutor, BatchStatement } from "@/db/batch-executor";
import { BulkInserter } from "@/db/bulk-insert";
import { generateDemoCity, type DemoOptions } from "./generate";

const { options, remote } = workerData as { options: DemoOptions; remote: boolean };
let sent = 0;
let written = 0;
let wake: (() => void) | null = null;
parentPort!.on("message", (message: { written: number }) => {
  written = message.written;
  wake?.();
  wake = null;
});

const handOver: BatchExecutor = {
  remote,
  async run(statements: BatchStatement[]) {
    // One flush being written and one waiting: generating further ahead would only hold rows in memory.
    while (sent - written >= 2) await new Promise<void>((resolve) => (wake = resolve));
    parentPort!.postMessage({ flush: ++sent, statements });
  },
  close() {},
};

async function main() {
  try {
    const inserter = new BulkInserter(handOver);
    await generateDemoCity(options, inserter);
    await inserter.flush();
    parentPort!.postMessage({ done: Object.fromEntries(inserter.written) });
  } catch (error) {
    parentPort!.postMessage({ failure: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } });
  }
}

void main();
