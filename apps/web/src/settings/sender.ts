/** The sender form as typed: the reply-to may be left empty (replies then go to the sender). */
export interface SenderForm {
  from: string;
  replyTo: string;
}

/** The sender as the server keeps it (system.sender). */
export interface SavedSender {
  from: string;
  replyTo: string | null;
}

/** What system.saveSender is sent: trimmed, an empty reply-to as none. */
export function senderInput(form: SenderForm): SavedSender {
  return { from: form.from.trim(), replyTo: form.replyTo.trim() || null };
}

export function senderChanged(saved: SavedSender, form: SenderForm): boolean {
  const input = senderInput(form);
  return input.from !== saved.from || input.replyTo !== saved.replyTo;
}

/**
 * A refusal shown at its field, without the field's name the server puts first for readers of
 * the bare API ("from: write one sender, …" under the From field reads "write one sender, …").
 */
export function atField(message: string | undefined, field: string): string | undefined {
  if (!message) return undefined;
  const text = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
