import { SendTestForm } from '../../../ui/send-test-form';
import { useSendTestMutation } from '../inspector-api';

const placeholders: Record<string, string> = { 'send-email': 'you@example.com', 'send-sms': '+14155550123', 'send-push': 'contact id or user id' };

/** Sends the message as it stands to one address, through the real provider; the Outbox marks it "test". */
export function SendTest({ request, journeyId, nodeId }: { request: { type: string; version: number; config: unknown; contactId: string | null; sample?: Record<string, unknown> }; journeyId: string; nodeId: string }) {
  const send = useSendTestMutation();
  const inputType = request.type === 'send-email' ? 'email' : request.type === 'send-sms' ? 'tel' : 'text';
  return (
    <SendTestForm
      id={`send-test-${nodeId}`}
      inputType={inputType}
      placeholder={placeholders[request.type]}
      send={send}
      inputFor={(to) => ({ ...request, to, journeyId: journeyId || null, nodeId })}
    />
  );
}
