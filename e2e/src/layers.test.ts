// The layer rule in eslint.config.js is what keeps dependencies pointing one way (ARCHITECTURE.md,
// "Layers"); this checks the rule itself still refuses what it must, so a loosened config fails here.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

/**
 * Lints `source` as if it were the file at `filePath`: an existing file, which the type-aware
 * parser knows; its content on disk is neither read nor changed.
 */
async function importProblems(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${root}${filePath}` });
  return result!.messages.filter((message) => message.ruleId?.endsWith('no-restricted-imports')).map((message) => message.message);
}

describe('the layer rule', () => {
  it('refuses a library importing an app, and a package importing one above it', async () => {
    expect(await importProblems('packages/db/src/ids.ts', "import { buildServer } from '@tend/server';\nexport const probe = buildServer;\n")).toHaveLength(1);
    expect(await importProblems('packages/routing/src/enter.ts', "import { publishJourney } from '@tend/publishing';\nexport const probe = publishJourney;\n")).toHaveLength(1);
    expect(await importProblems('packages/channels/src/errors.ts', "import { enterJourney } from '@tend/routing';\nexport const probe = enterJourney;\n")).toHaveLength(1);
  });

  it('refuses workflow code anything but @tend/journey/ir', async () => {
    const problems = await importProblems('workflows/src/hold.ts', "import { openDatabase } from '@tend/db';\nexport const probe = openDatabase;\n");
    expect(problems.length).toBeGreaterThan(0);
  });

  it("lets the console and the CLI take the server's types, never its code", async () => {
    expect(await importProblems('apps/web/src/trpc.ts', "import type { AppRouter } from '@tend/server/router';\nexport type Probe = AppRouter;\n")).toEqual([]);
    expect(await importProblems('apps/cli/src/api-client.ts', "import { appRouter } from '@tend/server';\nexport const probe = appRouter;\n")).toHaveLength(1);
  });

  it('allows what the map allows', async () => {
    expect(await importProblems('packages/publishing/src/publish.ts', "import { enterJourney } from '@tend/routing';\nexport const probe = enterJourney;\n")).toEqual([]);
    expect(await importProblems('apps/dev/src/tend.ts', "import { startServer } from '@tend/server';\nexport const probe = startServer;\n")).toEqual([]);
  });
});
