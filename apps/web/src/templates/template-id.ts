import { slugFrom } from '../ui/slug';

// The server's rule (templateIdPattern in @tend/channels), repeated so the dialog can say it while
// typing; the server checks it again. Ids are named in Liquid ({% render 'footer' %}) and journeys.
const idPattern = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** Why `id` cannot name a library item, or null when it can. */
export function templateIdProblem(id: string): string | null {
  if (id === '') return 'Give it an id, e.g. "welcome".';
  if (idPattern.test(id)) return null;
  return 'Use 1 to 63 lower-case letters, digits, "-" or "_", starting with a letter or digit.';
}

/** The id a name suggests: "Order shipped!" → "order-shipped". */
export function templateIdFrom(name: string): string {
  return slugFrom(name, 63);
}
