import type { Page } from 'playwright-core';

/**
 * A tRPC mutation sent from the signed-in page itself, as the console sends it (its session
 * cookie and CSRF header), so the bench needs no credentials of its own.
 */
export async function consoleMutation(page: Page, path: string, input: unknown): Promise<unknown> {
  const answer = await page.evaluate(
    async ({ path, input }) => {
      const csrf = /(?:^|;\s*)tend_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
      const response = await fetch(`/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tend-csrf': decodeURIComponent(csrf) }, body: JSON.stringify(input) });
      return { status: response.status, body: await response.text() };
    },
    { path, input },
  );
  if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return JSON.parse(answer.body);
}
