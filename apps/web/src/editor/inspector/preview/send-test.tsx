import { useState } from 'react';
import { useSendTestMutation } from '../inspector-api';

const placeholders: Record<string, string> = { 'send-email': 'you@example.com', 'send-sms': '+14155550123', 'send-push': 'contact id or user id' };

/** Sends the message as it stands to one address, through the real provider; the Outbox marks it "test". */
export function SendTest({ request, journeyId, nodeId }: { request: { type: string; version: number; config: unknown; contactId: string | null; sample?: Record<string, unknown> }; journeyId: string; nodeId: string }) {
  const [to, setTo] = useState('');
  const send = useSendTestMutation();
  const inputType = request.type === 'send-email' ? 'email' : request.type === 'send-sms' ? 'tel' : 'text';
  return (
    <form
      className="send-test"
      onSubmit={(event) => {
        event.preventDefault();
        if (to.trim()) send.mutate({ ...request, to: to.trim(), journeyId: journeyId || null, nodeId });
      }}
    >
      <label className="field__label" htmlFor={`send-test-${nodeId}`}>
        Send test to
      </label>
      <div className="inspector-inline">
        <input
          id={`send-test-${nodeId}`}
          className="input"
          type={inputType}
          value={to}
          placeholder={placeholders[request.type]}
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
          {send.error.message}
        </p>
      )}
    </form>
  );
}
