/**
 * Everything the bench starts registers how to stop it here, so processes, servers and
 * temporary directories go away in reverse order even when a section throws.
 */
export class Cleanup {
  private readonly steps: { label: string; run: () => Promise<void> | void; done: boolean }[] = [];

  /** Registers a stop step; the returned function runs it now (once) instead of at the end. */
  defer(label: string, run: () => Promise<void> | void): () => Promise<void> {
    const step = { label, run, done: false };
    this.steps.push(step);
    return () => this.runStep(step);
  }

  async runAll(): Promise<void> {
    for (const step of [...this.steps].reverse()) await this.runStep(step);
  }

  private async runStep(step: { label: string; run: () => Promise<void> | void; done: boolean }): Promise<void> {
    if (step.done) return;
    step.done = true;
    try {
      await step.run();
    } catch (error) {
      console.error(`  ! cleanup "${step.label}" failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
