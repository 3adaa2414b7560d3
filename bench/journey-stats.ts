/**
 * Contacts in a journey's routing index (enrolments with status active), as the console's
 * canvas reads it: GET /trpc/journeys.stats. A run is in the index once its first workflow
 * task has run beginEnrolment, so this counts runs the worker has taken up, which Temporal's
 * own count (started runs) does not tell.
 */
export async function activeEnrolments(url: string, journeyId: string): Promise<number> {
  const input = encodeURIComponent(JSON.stringify({ id: journeyId }));
  const response = await fetch(`${url}/trpc/journeys.stats?input=${input}`);
  const body = (await response.json()) as { result?: { data?: { active?: number } } };
  const active = body.result?.data?.active;
  if (!response.ok || typeof active !== 'number') throw new Error(`GET /trpc/journeys.stats answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
  return active;
}
