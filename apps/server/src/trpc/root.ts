import { contactsRouter } from './routers/contacts.js';
import { journeysRouter } from './routers/journeys.js';
import { outboxRouter } from './routers/outbox.js';
import { systemRouter } from './routers/system.js';
import { createCallerFactory, createTRPCRouter } from './trpc.js';

export const appRouter = createTRPCRouter({
  contacts: contactsRouter,
  journeys: journeysRouter,
  outbox: outboxRouter,
  system: systemRouter,
});

/** The console's API. The web app and the CLI import this type only, never the server's code. */
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
