/**
 * One line that says what a node does, derived from its saved config: "Wait 2 days",
 * "Email: Welcome!". Empty for a node type this console does not know; the caller then
 * shows the catalogue's description instead.
 */
export function summarizeNode(type: string, data: Readonly<Record<string, unknown>>): string {
  switch (type) {
    case 'trigger.identify':
      // The config's default is true: only the identify call that creates the contact counts.
      return data.onlyNewContacts === false
        ? 'When a contact is identified'
        : 'When a contact is identified (new contacts only)';
    case 'trigger.event': {
      const event = nonEmptyString(data.event);
      return event ? `When ${event} happens` : 'When an event happens (no event named)';
    }
    case 'wait':
      return summarizeWait(data.amount, data.unit);
    case 'send-email': {
      const subject = nonEmptyString(data.subject);
      return subject ? `Email: ${subject}` : 'Email (no subject yet)';
    }
    case 'exit':
      return 'The contact leaves the journey';
    default:
      return '';
  }
}

function summarizeWait(amount: unknown, unit: unknown): string {
  const unitName = nonEmptyString(unit);
  if (typeof amount !== 'number' || !unitName) return 'Wait (no duration set)';
  return `Wait ${amount} ${amount === 1 ? unitName.replace(/s$/, '') : unitName}`;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
