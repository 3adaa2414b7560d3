import type { ReactNode } from 'react';

/** The frame of the pages shown before the console: sign-in, an invitation, no workspace yet. */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth">
      <div className="auth__card">
        <div className="brand">Tend</div>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
