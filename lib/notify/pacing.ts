/**
 * 企业微信 and 钉钉 group robots each take about 20 messages a minute and drop the rest. A sweep that finds many
 * items due at once would exceed that, so sends to one robot (one webhook address) are queued and started at
 * least `intervalMs` apart; different robots are not held up by each other. In-process: each app server paces
 * its own sends.
 */
export const ROBOT_INTERVAL_MS = 3_100;

type Send<T extends { url: string }, A extends unknown[], R> = (robot: T, ...rest: A) => Promise<R>;

export function pacedPerRobot<T extends { url: string }, A extends unknown[], R>(send: Send<T, A, R>, intervalMs = ROBOT_INTERVAL_MS,
  clock: { now: () => number; sleep: (ms: number) => Promise<void> } = { now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) }): Send<T, A, R> {
  const queues = new Map<string, { tail: Promise<unknown>; lastStart: number }>();
  return (robot, ...rest) => {
    const queue = queues.get(robot.url) ?? { tail: Promise.resolve(), lastStart: -Infinity };
    queues.set(robot.url, queue);
    const run = queue.tail.then(async () => {
      const wait = queue.lastStart + intervalMs - clock.now();
      if (wait > 0) await clock.sleep(wait);
      queue.lastStart = clock.now();
      return send(robot, ...rest);
    });
    queue.tail = run.catch(() => undefined);
    return run;
  };
}
