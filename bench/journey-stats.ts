import { readToken } from '@tend/config';

/**
 * Contacts in a journey's routing index (enrolments with status active), as the console's
 * canvas reads it: GET /trpc/journeys.stats. A run is in the index once its first workflow
 * task has run beginEnrolment, so this counts runs the worker has taken up, which Temporal's
 * own count (started runs) does not tell.
 */
export async function activeEnrolments(tend: { url: string; cliEnv: Record<string, string> }, journeyId: string): Promise<number> {
  const input = encodeURIComponent(JSON.stringify({ id: journeyId }));
  // As the CLI that npm start signed in: the console API answers no one without a token.
  const token = readToken(tend.cliEnv.TEND_CONFIG_DIR!, tend.url);
  const response = await fetch(`${tend.url}/trpc/journeys.stats?input=${input}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { result?: { data?: { active?: number } } };
  const active = body.result?.data?.active;
  if (!response.ok || typeof active !== 'number') throw new Error(`GET /trpc/journeys.stats answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
  return active;
}
