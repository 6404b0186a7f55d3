/**
 * Charts start drawing one at a time, each in a task of its own. Initialising one ECharts instance takes
 * 10–100 ms of the main thread; sixteen of them in one commit (总览) block input for several hundred.
 * A chart that never reports drawn (its code failed to load, it unmounted) gives up its turn after a while.
 */
export const TURN_TIMEOUT_MS = 2_000;

interface Turn {
  start: () => void;
  watchdog?: ReturnType<typeof setTimeout>;
}

let current: Turn | null = null;
const waiting: Turn[] = [];

function next(): void {
  if (current || waiting.length === 0) return;
  const turn = waiting.shift()!;
  current = turn;
  setTimeout(() => {
    if (current !== turn) return;
    turn.watchdog = setTimeout(() => finish(turn), TURN_TIMEOUT_MS);
    turn.start();
  }, 0);
}

function finish(turn: Turn): void {
  clearTimeout(turn.watchdog);
  const queued = waiting.indexOf(turn);
  if (queued >= 0) waiting.splice(queued, 1);
  if (current === turn) {
    current = null;
    next();
  }
}

/** Queues `start`; call `done` once the chart has drawn (or is gone), so the next one may start. */
export function queueChartDraw(start: () => void): { done: () => void } {
  const turn: Turn = { start };
  waiting.push(turn);
  next();
  return { done: () => finish(turn) };
}
