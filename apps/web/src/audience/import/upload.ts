import { consoleHeaders } from '../../session/console-headers';
import { workspaceStore } from '../../session/workspace-store';
import type { ContactsMapping } from './contact-mapping';
import { NdjsonReader, type ImportMessage, type ServerProgress } from './ndjson';
import { previewHead } from './preview-head';

/**
 * The import endpoints are plain HTTP (a file body, an NDJSON answer), not tRPC; they check the
 * console's session and CSRF token as tRPC does, so every call carries the same headers.
 */

export type ImportKind = 'online-retail' | 'contacts';

export interface UploadOptions {
  kind: ImportKind;
  file: File;
  mapping?: ContactsMapping;
  /** Offer the imported events to journeys (Online Retail only). */
  triggerJourneys?: boolean;
  /** Bytes handed to the network so far. */
  onSent: (sentBytes: number) => void;
  onProgress: (progress: ServerProgress) => void;
}

export interface Upload {
  /** The summary, or a rejection with the server's reason. */
  done: Promise<Record<string, unknown>>;
  /** Stops sending; what the server committed stays, and the same file again resumes. */
  abort: () => void;
}

function headers(): Record<string, string> {
  return { ...consoleHeaders(document.cookie, workspaceStore.get()), 'content-type': 'application/octet-stream' };
}

export function importUrl(options: Pick<UploadOptions, 'kind' | 'file' | 'mapping' | 'triggerJourneys'>): string {
  const query = new URLSearchParams({ source: options.file.name, size: String(options.file.size) });
  if (options.mapping) query.set('mapping', JSON.stringify(options.mapping));
  if (options.triggerJourneys) query.set('triggerJourneys', 'true');
  return `/api/imports/${options.kind}?${query.toString()}`;
}

/**
 * Sends the file and reads the answer as it comes. XMLHttpRequest, not fetch: it reports the
 * bytes sent as they go, and browsers hand over an answer only once the upload is complete, so
 * during the upload those bytes are the progress there is (the server reads the file as it
 * imports, so they keep its pace).
 */
export function uploadImport(options: UploadOptions): Upload {
  const request = new XMLHttpRequest();
  const reader = new NdjsonReader();
  let seen = 0;
  const done = new Promise<Record<string, unknown>>((resolve, reject) => {
    let summary: Record<string, unknown> | null = null;
    let failure: string | null = null;
    const take = (messages: ImportMessage[]) => {
      for (const message of messages) {
        if (message.kind === 'progress') options.onProgress(message.progress);
        else if (message.kind === 'done') summary = message.summary;
        else failure = message.message;
      }
    };
    const readNew = () => {
      // A refusal (4xx) is one JSON object, not NDJSON: read at the end.
      if (request.status !== 200) return;
      take(reader.push(request.responseText.slice(seen)));
      seen = request.responseText.length;
    };
    request.upload.onprogress = (event) => options.onSent(event.loaded);
    request.onprogress = readNew;
    request.onload = () => {
      if (request.status !== 200) return reject(new Error(refusal(request.responseText, request.status)));
      readNew();
      take(reader.end());
      if (failure !== null) reject(new Error(failure));
      else if (summary === null) reject(new Error('the server stopped answering before the import finished: run the same file again to resume'));
      else resolve(summary);
    };
    request.onerror = () => reject(new Error('the upload failed: check the connection, then run the same file again to resume'));
    request.onabort = () => reject(new Error('stopped: what was committed stays, and running the same file again resumes'));
    request.open('POST', importUrl(options));
    for (const [name, value] of Object.entries(headers())) request.setRequestHeader(name, value);
    request.send(options.file);
  });
  return { done, abort: () => request.abort() };
}

/** The preview endpoint's answer (previewContactsCsv): the header's columns and the first rows, mapped when asked. */
export interface ContactsPreview {
  columns: string[];
  records: Array<{ line: number; record: Record<string, string> } | { line: number; problem: string }>;
  mapped?: Array<{ line: number; contact: unknown } | { line: number; problem: string }>;
}

export async function previewContacts(file: File, mapping?: ContactsMapping): Promise<ContactsPreview> {
  const query = mapping ? `?${new URLSearchParams({ mapping: JSON.stringify(mapping) }).toString()}` : '';
  const head = await previewHead(file);
  const response = await fetch(`/api/imports/contacts/preview${query}`, { method: 'POST', headers: headers(), body: new Blob([head]) });
  const text = await response.text();
  if (!response.ok) throw new Error(refusal(text, response.status));
  return JSON.parse(text) as ContactsPreview;
}

/** The server's `{ message }`, else the status. */
function refusal(body: string, status: number): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'message' in parsed && typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON: fall through
  }
  return `the server answered ${status}`;
}
