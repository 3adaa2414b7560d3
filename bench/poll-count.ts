export interface Reached {
  /** performance.now() when the count reached the target, or null if it did not in time. */
  at: number | null;
  /** The last count read. */
  count: number;
}

/**
 * Reads a count every `intervalMs` until it reaches `target` or `deadline` (a performance.now()
 * value) passes; `seen` gets every reading, for progress lines. The time found is late by up
 * to the interval; reading more often would load the process being measured.
 */
export async function waitForCount(
  read: () => Promise<number>,
  target: number,
  deadline: number,
  seen: (count: number) => void = () => {},
  intervalMs = 500,
): Promise<Reached> {
  for (;;) {
    const count = await read();
    seen(count);
    const now = performance.now();
    if (count >= target) return { at: now, count };
    if (now > deadline) return { at: null, count };
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
