import type { KnipConfig } from 'knip';

// Every workspace declares the packages it imports, and nothing it does not (part of `npm run lint`).
export default {
  include: ['dependencies', 'unlisted', 'unresolved', 'binaries'],
  // The Temporal CLI is installed with `go install` only where python3 is missing.
  ignoreBinaries: ['go'],
  // The root depends on the CLI so that `npx tend` works in a checkout.
  ignoreDependencies: ['@tend/cli'],
  workspaces: {
    // The editor section builds an empty React Flow page (its own entry) as its baseline.
    bench: { entry: ['editor/baseline-page/main.tsx'] },
  },
} satisfies KnipConfig;
