/**
 * The reading thread's entry (see read-thread.ts): reads the file named in `workerData` with readDatasetRows and
 * hands each batch of rows across when asked, so the next batch is read while the last one is stored.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ReadRefusal } from "./read";
import { readDatasetRows, type BatchFile } from "./read-rows";
import type { DatasetName } from "./datasets";

const { dataset, file } = workerData as { dataset: DatasetName; file: BatchFile };
const rows = readDatasetRows(dataset, file);
let queue = Promise.resolve();

parentPort!.on("message", () => {
  // One batch per request, in order.
  queue = queue.then(async () => {
    try {
      const next = await rows.next();
      parentPort!.postMessage(next.done ? { summary: next.value } : { events: next.value });
    } catch (error) {
      parentPort!.postMessage({
        failure: error instanceof ReadRefusal
          ? { refusal: error.message }
          : { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined },
      });
    }
  });
});
