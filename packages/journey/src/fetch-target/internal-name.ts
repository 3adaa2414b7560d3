/** Names the cloud gives its instance-metadata service (GCP, AWS). */
const metadataNames = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

/**
 * Why a host name is internal whatever DNS says ("a loopback name"), or undefined. Other names
 * are judged by the addresses they resolve to, when the request is made.
 */
export function internalNameKind(name: string): string | undefined {
  // RFC 6761: localhost and every name under it are this machine.
  if (name === 'localhost' || name.endsWith('.localhost')) return 'a loopback name';
  if (metadataNames.has(name)) return 'a cloud metadata name';
  return undefined;
}
