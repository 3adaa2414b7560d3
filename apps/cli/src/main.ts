#!/usr/bin/env node
import { Command } from 'commander';
import { publishCommand } from './commands/publish.js';
import { validateCommand } from './commands/validate.js';

const program = new Command('tend').description('Keep Tend journeys as files: validate and publish them.');
const defaultUrl = process.env.TEND_URL ?? 'http://127.0.0.1:3000';

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
    process.exitCode = await publishCommand(files, options);
  });

await program.parseAsync().catch((error: Error) => {
  console.error(`tend: ${error.message}`);
  process.exitCode = 1;
});
