/** Milliseconds `run` took, with what it returned. */
export async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const began = performance.now();
  const result = await run();
  return { ms: performance.now() - began, result };
}

/**
 * Times each of `runners` `times` times, taking turns (a, b, a, b…), so a change in the
 * machine's load during the run falls on all alike. Returns each one's samples in ms.
 */
export async function takeTurns<Name extends string>(times: number, runners: Record<Name, () => Promise<unknown> | unknown>): Promise<Record<Name, number[]>> {
  const names = Object.keys(runners) as Name[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let i = 0; i < times; i++) for (const name of names) samples[name].push((await timed(runners[name])).ms);
  return samples;
}
