import { Worker } from "node:worker_threads";
import type { DatasetName } from "./datasets";
import { ReadRefusal } from "./read";
import { readDatasetRows, type BatchFile, type ReadEvent, type ReadSummary } from "./read-rows";

type ThreadMessage =
  | { events: ReadEvent[] }
  | { summary: ReadSummary }
  | { failure: { refusal: string } | { message: string; stack?: string } };

/** Batches read ahead of the one being stored: enough to keep both threads busy, little enough to hold in memory. */
const READ_AHEAD = 2;

/**
 * readDatasetRows in a thread of its own, so decoding, parsing and checking the file's cells (half an import's
 * time) runs on the second core while this one stores the rows (decision 012). The same rows, the same
 * refusals. `IMPORT_READ_THREAD=off` reads in this thread instead.
 */
export async function* readRowsInThread(dataset: DatasetName, file: BatchFile): AsyncGenerator<ReadEvent[], ReadSummary> {
  if (process.env.IMPORT_READ_THREAD === "off") return yield* readDatasetRows(dataset, file);
  const worker = startReader(dataset, file);
  const inbox: ThreadMessage[] = [];
  let stopped: Error | null = null;
  let wake: (() => void) | null = null;
  const arrived = () => {
    wake?.();
    wake = null;
  };
  worker.on("message", (message: ThreadMessage) => {
    inbox.push(message);
    arrived();
  });
  worker.on("error", (error) => {
    stopped ??= error;
    arrived();
  });
  worker.on("exit", (code) => {
    stopped ??= new Error(`import reading thread exited (code ${code}) before the file was read`);
    arrived();
  });
  try {
    for (let i = 0; i < READ_AHEAD; i++) worker.postMessage("next");
    for (;;) {
      while (inbox.length === 0) {
        if (stopped) throw stopped;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const message = inbox.shift()!;
      if ("events" in message) {
        worker.postMessage("next");
        yield message.events;
      } else if ("summary" in message) {
        return message.summary;
      } else if ("refusal" in message.failure) {
        throw new ReadRefusal(message.failure.refusal);
      } else {
        const error = new Error(message.failure.message);
        error.stack = message.failure.stack;
        throw error;
      }
    }
  } finally {
    worker.removeAllListeners("exit");
    await worker.terminate();
  }
}

function startReader(dataset: DatasetName, file: BatchFile): Worker {
  // Inside Next's server the entry is bundled JavaScript; from source (the command line, tests) it is TypeScript,
  // which the thread reads through tsx as its parent does.
  const fromSource = !process.env.NEXT_RUNTIME;
  // Written as one expression so the bundler finds the entry and ships it.
  return new Worker(new URL("./read-worker.ts", import.meta.url), {
    workerData: { dataset, file }, resourceLimits: { maxYoungGenerationSizeMb: 8 }, ...(fromSource ? { execArgv: ["--require", "tsx/cjs"] } : {}),
  });
}
