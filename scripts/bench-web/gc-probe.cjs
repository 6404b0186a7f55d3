// Preloaded into the benchmarked `next start` (node --expose-gc --require …): on SIGUSR2 the server collects
// garbage three times, 300 ms apart, and writes process.memoryUsage() before and after to BENCH_MEMORY_FILE.
// Plain CommonJS, so node loads it without a compiler; nothing else in the server changes.
"use strict";
const { readFileSync, renameSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { getHeapSpaceStatistics, writeHeapSnapshot } = require("node:v8");

const out = process.env.BENCH_MEMORY_FILE;
// Set by `bench:web --heap-snapshots`: a heap snapshot after each measurement, to see what the growth is made of.
const snapshots = process.env.BENCH_HEAP_SNAPSHOT_DIR;
// Set by hand: the process's memory map after each measurement, to see which mappings a growth outside V8 is in.
const smaps = process.env.BENCH_SMAPS_DIR;
let taken = 0;
let mapped = 0;
if (out && typeof globalThis.gc === "function") {
  const gc = globalThis.gc;
  process.on("SIGUSR2", () => {
    const before = process.memoryUsage();
    let round = 0;
    const collect = () => {
      gc();
      if (++round < 3) return void setTimeout(collect, 300);
      const after = process.memoryUsage();
      // Committed size of each V8 space: which one a growth of heapTotal is in (the young generation grows under load).
      const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size]));
      try {
        if (smaps) writeFileSync(join(smaps, `server-${++mapped}.smaps`), readFileSync("/proc/self/smaps")); // /proc files have no size to copy by
        const snapshot = snapshots ? writeHeapSnapshot(join(snapshots, `server-${++taken}.heapsnapshot`)) : null;
        writeFileSync(`${out}.tmp`, JSON.stringify({ at: Date.now(), pid: process.pid, before, after, spaces, snapshot }));
        renameSync(`${out}.tmp`, out);
      } catch (error) {
        console.error(`gc-probe: ${error instanceof Error ? error.message : error}`); // the benchmark reports the missing file
      }
    };
    collect();
  });
}
