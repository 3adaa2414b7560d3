import { createContext, useContext } from 'react';
import type { Me, MyWorkspace } from '../trpc';

export interface Session {
  user: Me;
  /** The workspace every page shows, with the user's role in it. */
  workspace: MyWorkspace;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user and their workspace; only pages inside the sign-in gate may ask. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionGate>');
  return session;
}
