/**
 * A secret's name as typed, in the server's shape (upper-case letters, digits, underscores):
 * "crm token" becomes CRM_TOKEN. The server still checks it.
 */
export function typedSecretName(text: string): string {
  return text.toUpperCase().replace(/[\s-]+/g, '_');
}

/** How a webhook header reads the secret: {{ secrets.CRM_TOKEN }}. */
export function secretReference(name: string): string {
  return `{{ secrets.${name} }}`;
}
