import { initTRPC } from '@trpc/server';
import type { ServerDeps } from '../context.js';

export type TrpcContext = ServerDeps;

const t = initTRPC.context<TrpcContext>().create();

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Procedures of the console: scoped to the context's workspace. */
export const workspaceProcedure = t.procedure;
