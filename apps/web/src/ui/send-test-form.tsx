import { useState } from 'react';
import { readableMessage } from '../session/api-errors';

/** The part of a TanStack mutation the form reads: each caller passes its own send-test mutation. */
export interface SendTestMutation<TInput extends { to: string }> {
  mutate(input: TInput): void;
  reset(): void;
  isPending: boolean;
  isSuccess: boolean;
  variables: TInput | undefined;
  error: { message: string } | null;
}

/**
 * "Send test to": one address, sent through the real provider by the caller's mutation (the
 * Outbox marks it "test"). Shared by the template editor and the journey editor's preview.
 */
export function SendTestForm<TInput extends { to: string }>({
  id,
  inputType,
  placeholder,
  send,
  inputFor,
}: {
  /** The input's id, unique on the page. */
  id: string;
  inputType: 'email' | 'tel' | 'text';
  placeholder: string | undefined;
  send: SendTestMutation<TInput>;
  /** The mutation's input for the trimmed address typed. */
  inputFor(to: string): TInput;
}) {
  const [to, setTo] = useState('');
  return (
    <form
      className="send-test"
      onSubmit={(event) => {
        event.preventDefault();
        if (to.trim()) send.mutate(inputFor(to.trim()));
      }}
    >
      <label className="field__label" htmlFor={id}>
        Send test to
      </label>
      <div className="inspector-inline">
        <input
          id={id}
          className="input"
          type={inputType}
          value={to}
          placeholder={placeholder}
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
          Test sent to {send.variables?.to}.
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
