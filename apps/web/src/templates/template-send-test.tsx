import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { readableMessage } from '../session/api-errors';
import { trpc } from '../trpc';
import type { TemplateContent, TemplateKind } from './template-types';

/** Sends the draft as it stands to one address, through the real email provider; the Outbox marks it "test". */
export function TemplateSendTest({ request }: { request: { id: string; kind: TemplateKind; draft: TemplateContent; contactId: string | null; sample: Record<string, unknown> } }) {
  const [to, setTo] = useState('');
  const send = useMutation(trpc.templates.sendTest.mutationOptions());
  return (
    <form
      className="send-test"
      onSubmit={(event) => {
        event.preventDefault();
        if (to.trim()) send.mutate({ ...request, to: to.trim() });
      }}
    >
      <label className="field__label" htmlFor="template-send-test">
        Send test to
      </label>
      <div className="inspector-inline">
        <input
          id="template-send-test"
          className="input"
          type="email"
          value={to}
          placeholder="you@example.com"
          onChange={(event) => {
            setTo(event.target.value);
            send.reset();
          }}
        />
        <button type="submit" className="button" disabled={to.trim() === '' || send.isPending}>
          {send.isPending ? 'Sending…' : 'Send test'}
        </button>
      </div>
      {send.isSuccess && (
        <p className="ok-text" role="status">
          Test sent to {send.variables.to}.
        </p>
      )}
      {send.error && (
        <p className="error-text" role="alert">
          {readableMessage(send.error)}
        </p>
      )}
    </form>
  );
}
