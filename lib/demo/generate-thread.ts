import { Worker } from "node:worker_threads";
import type { BatchExecutor, BatchStatement } from "@/db/batch-executor";
import type { DemoOptions } from "./generate";

type FromThread =
  | { flush: number; statements: BatchStatement[] }
  | { done: Record<string, number> }
  | { failure: { message: string; stack?: string } };

/**
 * Generates the demo city in a thread of its own while this one writes its rows: generating names, codes and dates
 * and running the engine's rules on every record was as long as SQLite's inserts (bench:seed's parts), and the two
 * ran one after the other on one core. The thread's bulk inserter hands each flush's statements across; they are
 * written here in order, each flush one transaction as before, so the store and its row ids are the same. Returns
 * the rows written per table.
 */
export function generateInThread(options: DemoOptions, executor: BatchExecutor): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    // From source (the command line, tests) the entry is TypeScript, read through tsx as its parent does.
    const fromSource = !process.env.NEXT_RUNTIME;
    const worker = new Worker(new URL("./generate-worker.ts", import.meta.url), {
      workerData: { options, remote: !!executor.remote }, ...(fromSource ? { execArgv: ["--require", "tsx/cjs"] } : {}),
    });
    let settled = false;
    let writing = Promise.resolve();
    const finish = (error: unknown, rows?: Record<string, number>) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (rows) resolve(rows);
      else reject(error);
    };
    worker.on("message", (message: FromThread) => {
      if ("statements" in message) {
        writing = writing.then(async () => {
          if (settled) return;
          await executor.run(message.statements);
          worker.postMessage({ written: message.flush });
        }).catch((error: unknown) => finish(error));
      } else if ("done" in message) {
        void writing.then(() => finish(null, message.done));
      } else {
        const error = new Error(message.failure.message);
        error.stack = message.failure.stack;
        finish(error);
      }
    });
    worker.on("error", (error) => finish(error));
    worker.on("exit", (code) => finish(new Error(`demo generating thread exited (code ${code}) before the city was generated`)));
  });
}
