import { resolveTemporalCli, startTemporalDevServer, type DevServer } from '@tend/dev';
import { distinctFreePorts } from './free-port.js';

/**
 * A Temporal dev server on free ports, for tests that run Tend as a process beside it. A port
 * found free can be taken before Temporal binds it (on a busy machine, by another test's
 * connections), so a start refused for a port in use is tried again on new ports.
 */
export async function startTemporalOnFreePorts(dataDir: string): Promise<DevServer> {
  const cliPath = resolveTemporalCli();
  if (!cliPath) throw new Error('no Temporal CLI: see apps/dev/README.md');
  for (let attempt = 1; ; attempt++) {
    const [port, uiPort] = await distinctFreePorts(2);
    try {
      return await startTemporalDevServer({ cliPath, dataDir, port: port!, uiPort: uiPort! });
    } catch (error) {
      if (attempt >= 3 || !/in use/.test(String(error))) throw error;
    }
  }
}
