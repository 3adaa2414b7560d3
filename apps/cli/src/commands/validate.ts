import { formatProblem, validateJourney } from '@tend/journey';
import { readJourneyFile } from '../read-journey-file.js';

/** Offline: checks a journey file and prints every problem (node id, field) to stderr. */
export async function validateCommand(files: string[]): Promise<number> {
  let failed = 0;
  for (const file of files) {
    const result = validateJourney(await readJourneyFile(file));
    if (result.ok) {
      console.log(`✓ ${file}: ${result.graph.name} (${result.graph.nodes.length} nodes) is valid`);
      continue;
    }
    failed++;
    console.error(`✗ ${file}: ${result.problems.length} problem(s)`);
    for (const problem of result.problems) console.error(`  - ${formatProblem(problem)}`);
  }
  return failed === 0 ? 0 : 1;
}
