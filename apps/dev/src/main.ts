// `npm start`: Tend on its embedded defaults, in one command.
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { readDevEnv } from './env.js';
import { startTend } from './tend.js';

// The worker's own INFO lines (bundling, state changes) drown the summary below.
Runtime.install({ logger: new DefaultLogger('WARN') });
const began = Date.now();
const tend = await startTend(readDevEnv(), (step, detail, ms) => {
  console.log(`  ✓ ${step.padEnd(9)} ${detail}${ms ? `  (${(ms / 1000).toFixed(1)} s)` : ''}`);
}).catch((error: Error) => {
  console.error(`\nTend could not start: ${error.message}`);
  process.exit(1);
});

console.log(`
Tend is running (ready in ${((Date.now() - began) / 1000).toFixed(1)} s)

  Console      ${tend.url}
  Sign in      ${tend.signInLink ?? 'with your email and password'}   (a one-time link for the owner; a new one on every start)
  Write key    ${tend.writeKey}
  Temporal UI  ${tend.temporalUiUrl ?? '(external cluster)'}
  Mail         ${tend.mailCatcher ? 'caught by the dev mail catcher: see the Outbox page' : tend.smtpUrl.replace(/:[^:@/]*@/, ':***@')}

Try it:
  npx tend publish examples/journeys/welcome.json${tend.url === 'http://127.0.0.1:3000' ? '' : ` --url ${tend.url}`}
  curl -u "${tend.writeKey}:" -H 'content-type: application/json' \\
       -d '{"userId":"u1","traits":{"email":"ada@example.com","firstName":"Ada"}}' \\
       ${tend.url}/v1/identify
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Tend…');
    void tend.stop().then(() => process.exit(0));
  });
}
