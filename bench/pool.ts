/**
 * Runs task(0) … task(count - 1) with at most `concurrency` in flight, the steady load of a
 * client with a fixed number of connections. Stops starting tasks once `deadline`
 * (a performance.now() value) has passed; returns how many were started.
 */
export async function runPool(count: number, concurrency: number, task: (index: number) => Promise<void>, deadline = Infinity): Promise<number> {
  let next = 0;
  const lane = async () => {
    while (next < count && performance.now() < deadline) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return next;
}
