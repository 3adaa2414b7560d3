#!/usr/bin/env node
import { configDir, readToken } from '@tend/config';
import { Command } from 'commander';
import { importCommand } from './commands/import.js';
import { loginCommand, logoutCommand } from './commands/login.js';
import { publishCommand } from './commands/publish.js';
import { validateCommand } from './commands/validate.js';

const program = new Command('tend').description('Keep Tend journeys as files (validate, publish) and import data.');
const defaultUrl = process.env.TEND_URL ?? 'http://127.0.0.1:3000';
const credentialsDir = configDir(process.env);
/** TEND_TOKEN (for CI), else the token `tend login` kept for this server. */
const tokenFor = (url: string) => process.env.TEND_TOKEN ?? readToken(credentialsDir, url);

program
  .command('validate')
  .description('check journey files offline; prints every problem (node id, field) and exits 1 if any')
  .argument('<files...>', 'journey JSON files')
  .action(async (files: string[]) => {
    process.exitCode = await validateCommand(files);
  });

program
  .command('publish')
  .description('validate and publish journey files to a running Tend')
  .argument('<files...>', 'journey JSON files')
  .option('--url <url>', 'the Tend server', defaultUrl)
  .option('--move-waiting', 'move contacts waiting in the previous version to this one (same node ids)')
  .action(async (files: string[], options: { url: string; moveWaiting?: boolean }) => {
    process.exitCode = await publishCommand(files, { ...options, token: tokenFor(options.url) });
  });

program
  .command('import')
  .description('stream a file into a running Tend: the Online Retail transaction log, or a contacts CSV (gzip or plain); run it again to resume')
  .argument('<file>', 'the file to import')
  .option('--url <url>', 'the Tend server', defaultUrl)
  .option('--kind <kind>', 'online-retail or contacts', 'online-retail')
  .option('--trigger-journeys', 'offer the imported events to journeys as live ones are (off: history enters no journey)')
  .option('--map <field=column...>', 'contacts: which column holds what, e.g. --map userId=customer_id email=email trait.firstName=first_name')
  .action(async (file: string, options: { url: string; kind: string; triggerJourneys?: boolean; map?: string[] }) => {
    if (options.kind !== 'online-retail' && options.kind !== 'contacts') throw new Error(`--kind ${options.kind}: use online-retail or contacts`);
    process.exitCode = await importCommand(file, { ...options, kind: options.kind, token: tokenFor(options.url) });
  });

program
  .command('login')
  .description('keep an API token (made in the console: Settings → API tokens) for a Tend server')
  .requiredOption('--token <token>', 'the API token, tk_…')
  .option('--url <url>', 'the Tend server', defaultUrl)
  .action(async (options: { url: string; token: string }) => {
    process.exitCode = await loginCommand({ ...options, configDir: credentialsDir });
  });

program
  .command('logout')
  .description('forget the API token kept for a Tend server')
  .option('--url <url>', 'the Tend server', defaultUrl)
  .action((options: { url: string }) => {
    process.exitCode = logoutCommand({ ...options, configDir: credentialsDir });
  });

await program.parseAsync().catch((error: Error) => {
  console.error(`tend: ${error.message}`);
  process.exitCode = 1;
});
