import { formatProblem, validateJourney } from '@tend/journey';
import { apiClient, explainApiError } from '../api-client.js';
import { readJourneyFile } from '../read-journey-file.js';

/** Validates locally, then publishes each file as the journey's next immutable version. */
export async function publishCommand(files: string[], options: { url: string; token: string | null; moveWaiting?: boolean }): Promise<number> {
  const api = apiClient(options.url, options.token);
  let failed = 0;
  for (const file of files) {
    const graph = await readJourneyFile(file);
    const local = validateJourney(graph);
    if (!local.ok) {
      failed++;
      console.error(`✗ ${file} was not published: ${local.problems.length} problem(s)`);
      for (const problem of local.problems) console.error(`  - ${formatProblem(problem)}`);
      continue;
    }
    const result = await api.journeys.publish.mutate({ graph, moveWaiting: options.moveWaiting ?? false }).catch((error: unknown) => {
      throw explainApiError(error, options.url);
    });
    if (!result.ok) {
      failed++;
      console.error(`✗ ${file} was refused by the server:`);
      for (const problem of result.problems) console.error(`  - ${formatProblem(problem)}`);
      continue;
    }
    const what = result.unchanged ? 'unchanged, still' : 'published as';
    const moved = options.moveWaiting && !result.unchanged ? `; ${result.moved} waiting contact(s) told to move` : '';
    console.log(`✓ ${result.journeyId} ${what} version ${result.version} (${result.hash.slice(0, 12)})${moved} — ${new URL(`/#/journeys/${result.journeyId}`, options.url)}`);
  }
  return failed === 0 ? 0 : 1;
}
