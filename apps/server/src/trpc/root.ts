import { accountRouter } from './routers/account.js';
import { auditRouter } from './routers/audit.js';
import { contactsRouter } from './routers/contacts.js';
import { draftsRouter } from './routers/drafts.js';
import { eventsRouter } from './routers/events.js';
import { importsRouter } from './routers/imports.js';
import { journeysRouter } from './routers/journeys.js';
import { messagesRouter } from './routers/messages.js';
import { outboxRouter } from './routers/outbox.js';
import { policyRouter } from './routers/policy.js';
import { rfmRouter } from './routers/rfm.js';
import { segmentsRouter } from './routers/segments.js';
import { membersRouter } from './routers/members.js';
import { secretsRouter } from './routers/secrets.js';
import { systemRouter } from './routers/system.js';
import { templatesRouter } from './routers/templates.js';
import { tokensRouter } from './routers/tokens.js';
import { createCallerFactory, createTRPCRouter } from './trpc.js';

export const appRouter = createTRPCRouter({
  account: accountRouter,
  audit: auditRouter,
  contacts: contactsRouter,
  drafts: draftsRouter,
  events: eventsRouter,
  imports: importsRouter,
  journeys: journeysRouter,
  messages: messagesRouter,
  outbox: outboxRouter,
  policy: policyRouter,
  rfm: rfmRouter,
  segments: segmentsRouter,
  members: membersRouter,
  secrets: secretsRouter,
  system: systemRouter,
  templates: templatesRouter,
  tokens: tokensRouter,
});

/** The console's API. The web app and the CLI import this type only, never the server's code. */
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
