export { htmlToText, renderEmail, type RenderedEmail, type TemplateContact } from './email/render.js';
export { sendEmailOnce, type SendEmailOutcome, type SendEmailRequest } from './email/send-once.js';
export { smtpTransport, type EmailTransport, type OutgoingEmail } from './email/smtp.js';
