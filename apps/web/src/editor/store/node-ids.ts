/**
 * Readable ids for new nodes and edges: "send-email-2", not a UUID. Node ids show in problems,
 * counts and contacts' trails, and a marketer reads them there.
 */
export function newNodeId(type: string, taken: ReadonlySet<string>): string {
  const base =
    type
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'node';
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

export function newEdgeId(source: string, target: string, taken: ReadonlySet<string>): string {
  const base = `${source}--${target}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}
