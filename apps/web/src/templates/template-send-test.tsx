import { useMutation } from '@tanstack/react-query';
import { trpc } from '../trpc';
import { SendTestForm } from '../ui/send-test-form';
import type { TemplateContent, TemplateKind } from './template-types';

/** Sends the draft as it stands to one address, through the real email provider; the Outbox marks it "test". */
export function TemplateSendTest({ request }: { request: { id: string; kind: TemplateKind; draft: TemplateContent; contactId: string | null; sample: Record<string, unknown> } }) {
  const send = useMutation(trpc.templates.sendTest.mutationOptions());
  return <SendTestForm id="template-send-test" inputType="email" placeholder="you@example.com" send={send} inputFor={(to) => ({ ...request, to })} />;
}
