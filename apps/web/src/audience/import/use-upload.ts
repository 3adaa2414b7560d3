import { useEffect, useRef, useState } from 'react';
import type { ServerProgress } from './ndjson';
import { uploadImport, type UploadOptions } from './upload';

export type UploadState =
  | { status: 'idle' }
  | { status: 'running'; startedAt: number; sentBytes: number; server: ServerProgress | null }
  | { status: 'done'; summary: Record<string, unknown> }
  | { status: 'failed'; message: string };

/** One upload at a time: its state for the progress bar and the summary, and a way to stop it. `onSettled` runs when it ends either way. */
export function useUpload(onSettled: () => void) {
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const abort = useRef<(() => void) | null>(null);
  // Leaving the page stops nothing on the server's side of what it committed; the upload itself stops.
  useEffect(() => () => abort.current?.(), []);

  const start = (options: Omit<UploadOptions, 'onSent' | 'onProgress'>) => {
    const running = (patch: Partial<Extract<UploadState, { status: 'running' }>>) =>
      setState((current) => (current.status === 'running' ? { ...current, ...patch } : current));
    setState({ status: 'running', startedAt: Date.now(), sentBytes: 0, server: null });
    const upload = uploadImport({ ...options, onSent: (sentBytes) => running({ sentBytes }), onProgress: (server) => running({ server }) });
    abort.current = upload.abort;
    upload.done
      .then(
        (summary) => setState({ status: 'done', summary }),
        (error: unknown) => setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
      )
      .finally(onSettled);
  };
  return { state, start, stop: () => abort.current?.(), reset: () => setState({ status: 'idle' }) };
}

/** Now, re-read every `ms` while `ticking`: for a rate and an ETA that move between reports. */
export function useNow(ticking: boolean, ms = 500): number {
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ticking, ms]);
  return now;
}
