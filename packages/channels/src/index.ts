export { htmlToText, renderEmail, type RenderedEmail } from './email/render.js';
export { sendEmailOnce, type SendEmailOutcome, type SendEmailRequest } from './email/send-once.js';
export { addTracking, verifyTracking, type Tracking } from './email/tracking.js';
export {
  listUnsubscribeHeaders,
  readUnsubscribeToken,
  unsubscribeLinks,
  unsubscribeToken,
  verifyUnsubscribeToken,
  type UnsubscribeClaim,
  type UnsubscribeLinks,
} from './email/unsubscribe-token.js';
export { smtpTransport, type EmailTransport, type OutgoingEmail } from './email/smtp.js';
export { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from './email/smtp-receiver.js';
export { RefusedTargetError, SubscriptionGoneError, UndeliverableError } from './errors.js';
export { recordedOutcome, recordSkip, sendOnce, type Channel, type Delivery, type LedgerEntry, type PolicyOptions, type SendOutcome } from './ledger.js';
export { guardedFetch, strictFetch, type GuardedFetchOptions } from './safe-fetch/guarded-fetch.js';
export type { Resolver } from './safe-fetch/resolver.js';
export { sendPushOnce, type PushPayload, type SendPushOutcome, type SendPushRequest } from './push/send-once.js';
export { webPushTransport, type PushOptions, type PushTarget, type PushTransport, type VapidKeys, type WebPushOptions } from './push/web-push-transport.js';
export { workspacePushTransports, type WorkspacePushOptions, type WorkspacePushTransports } from './push/workspace-push-transport.js';
export { ensureVapidKeys, newVapidKeyPair, vapidSubject, workspaceVapid, workspaceVapidKeys } from './push/workspace-vapid.js';
export { httpSmsTransport, type HttpSmsOptions, type OutgoingSms, type SignedWebhook, type SmsTransport } from './sms/http-transport.js';
export { phoneOf } from './sms/phone.js';
export { sendSmsOnce, type SendSmsRequest } from './sms/send-once.js';
export { twilioSmsTransport, type TwilioSettings } from './sms/twilio-transport.js';
export { twilioSignature, verifyTwilioSignature } from './sms/twilio-signature.js';
export { UnreachableNumberError, type NumberSuppression } from './sms/unreachable-number.js';
export { renderHeaders, renderText, renderValue, templateScope, type TemplateContact, type TemplateEvent, type TemplateScope } from './template.js';
export { checkTemplate } from './templates/check-template.js';
export { liveLibrary, templateAvailability, unavailableReason } from './templates/live-library.js';
export { publishTemplate, type PublishTemplate, type PublishTemplateResult } from './templates/publish-template.js';
export { clearTemplateCache, renderTemplate, type RenderedTemplate, type RenderTemplateOptions, type TemplateVariables } from './templates/render-template.js';
export { createStarterLibrary, starterItems } from './templates/starter-library.js';
export {
  contentHash,
  templateContentSchema,
  templateIdMessage,
  templateIdPattern,
  templateKinds,
  type TemplateContent,
  type TemplateKind,
} from './templates/template-content.js';
export { TemplateError, type TemplateErrorReason } from './templates/template-error.js';
export { libraryItem, templateLibrary, withItem, type LibraryItem, type TemplateLibrary } from './templates/template-library.js';
export { formatTemplateProblem, type TemplateField, type TemplateProblem } from './templates/template-problem.js';
export {
  archiveTemplate,
  createTemplate,
  getTemplate,
  listTemplates,
  restoreTemplateVersion,
  saveTemplateDraft,
  templateVersion,
  type NewTemplate,
  type SaveTemplateDraft,
  type TemplateDetail,
  type TemplateSummary,
} from './templates/template-store.js';
export { callWebhook, type WebhookAnswer, type WebhookCall } from './webhook/call.js';
export { renderJsonBody } from './webhook/json-template.js';
export { providersFrom, type ProviderSettings, type Providers } from './providers.js';
export { RateBacklogError, SendRate, type SendRateOptions } from './rate-limit.js';
export {
  consentHistory,
  consentsOf,
  listSuppressions,
  removeSuppression,
  setConsent,
  suppress,
  suppressionOf,
  suppressionsOf,
  type ConsentChange,
  type ConsentChannel,
  type ConsentSource,
  type ConsentStatus,
  type Suppression,
  type SuppressionReason,
} from './consent/consent-store.js';
export { checkPolicy, withPolicySettings, type MessagePurpose, type PolicyQuestion, type PolicyVerdict } from './policy/check-policy.js';
export { messagePolicySchema, policyOf, savePolicy, type MessagePolicy, type MessagePolicyInput } from './policy/policy-settings.js';
