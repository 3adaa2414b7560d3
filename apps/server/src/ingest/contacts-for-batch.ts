import { and, contacts, eq, newId, or, sql, textIn, type SQL, type Transaction } from '@tend/db';

/** A call's claim on a contact: who it names (userId first, else anonymousId) and the traits it sets. */
export interface ContactClaim {
  userId?: string;
  anonymousId?: string;
  /** An identify's traits, merged into the contact's; {} for other calls. */
  traits: Record<string, unknown>;
}

export interface ClaimedContact {
  contactId: string;
  /** True for the first claim on a contact this call created (the "new contact" trigger fires on it). */
  created: boolean;
}

/**
 * Finds or creates the contacts a run of calls names, in a few statements whatever their number:
 * one SELECT, one multi-row INSERT of the new ones, one UPDATE of the changed ones. The result is
 * what storing the calls one at a time would give: traits merged in call order (a shallow merge,
 * as jsonb `||`), the last email given wins, the first call on a new contact marked created.
 */
export async function claimContacts(tx: Transaction, workspaceId: string, claims: ContactClaim[]): Promise<ClaimedContact[]> {
  const keys = claims.map(keyOf);
  const found = await findContacts(tx, workspaceId, [...new Set(keys)]);

  const fresh = [...new Set(keys.filter((key) => !found.has(key)))];
  const created = await insertContacts(tx, workspaceId, fresh, mergedByKey(claims, keys, new Set(fresh)));
  // A concurrent call created some of them first: theirs are found now, and updated like any other.
  const raced = fresh.filter((key) => !created.has(key));
  for (const [key, id] of await findContacts(tx, workspaceId, raced)) found.set(key, id);

  const claimed: ClaimedContact[] = [];
  const announced = new Set<string>();
  for (const key of keys) {
    const contactId = created.get(key) ?? found.get(key);
    if (!contactId) throw new Error(`contact ${key} was neither found nor created`);
    claimed.push({ contactId, created: created.has(key) && !announced.has(key) });
    announced.add(key);
  }
  await updateTraits(tx, claims, claimed, new Set(created.values()));
  return claimed;
}

/** userId first, as the contact is looked up; "u:" and "a:" keep the two id spaces apart. */
function keyOf(claim: { userId?: string; anonymousId?: string }): string {
  if (claim.userId) return `u:${claim.userId}`;
  if (claim.anonymousId) return `a:${claim.anonymousId}`;
  throw new Error('a call names no contact: userId or anonymousId is required');
}

async function findContacts(tx: Transaction, workspaceId: string, keys: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const userIds = keys.filter((key) => key.startsWith('u:')).map((key) => key.slice(2));
  const anonymousIds = keys.filter((key) => key.startsWith('a:')).map((key) => key.slice(2));
  const named: SQL[] = [];
  if (userIds.length > 0) named.push(textIn(contacts.userId, userIds));
  if (anonymousIds.length > 0) named.push(textIn(contacts.anonymousId, anonymousIds));
  if (named.length === 0) return found;
  const rows = await tx
    .select({ id: contacts.id, userId: contacts.userId, anonymousId: contacts.anonymousId })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), or(...named)));
  // An aliased contact has both ids: it answers to either key.
  for (const row of rows) {
    if (row.userId !== null) found.set(`u:${row.userId}`, row.id);
    if (row.anonymousId !== null) found.set(`a:${row.anonymousId}`, row.id);
  }
  return found;
}

interface Merged {
  traits: Record<string, unknown>;
  email: string | null;
}

/** The traits each chosen key's claims set, merged in order, and the last email among them. */
function mergedByKey(claims: ContactClaim[], keys: string[], chosen: Set<string>): Map<string, Merged> {
  const merged = new Map<string, Merged>();
  claims.forEach((claim, i) => {
    const key = keys[i]!;
    if (!chosen.has(key)) return;
    const into = merged.get(key) ?? { traits: {}, email: null };
    merge(into, claim.traits);
    merged.set(key, into);
  });
  return merged;
}

function merge(into: Merged, traits: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(traits)) if (value !== undefined) into.traits[name] = value;
  if (typeof traits.email === 'string') into.email = traits.email;
}

/** The new contacts in one INSERT; returns the key → id of those this call created. */
async function insertContacts(tx: Transaction, workspaceId: string, keys: string[], merged: Map<string, Merged>): Promise<Map<string, string>> {
  const created = new Map<string, string>();
  if (keys.length === 0) return created;
  const rows = keys.map((key) => {
    const { traits, email } = merged.get(key)!;
    const id = key.slice(2);
    return {
      id: newId('ct'),
      workspaceId,
      userId: key.startsWith('u:') ? id : null,
      anonymousId: key.startsWith('a:') ? id : null,
      email,
      traits,
    };
  });
  const byId = new Map(rows.map((row, i) => [row.id, keys[i]!]));
  // No target: either unique index (workspace + userId, workspace + anonymousId) may be the one hit.
  const inserted = await tx.insert(contacts).values(rows).onConflictDoNothing().returning({ id: contacts.id });
  for (const { id } of inserted) created.set(byId.get(id)!, id);
  return created;
}

/** Each existing contact's traits, merged from its claims in order, written once: one UPDATE for all. */
async function updateTraits(tx: Transaction, claims: ContactClaim[], claimed: ClaimedContact[], createdIds: Set<string>): Promise<void> {
  const byContact = new Map<string, Merged>();
  claims.forEach((claim, i) => {
    const { contactId } = claimed[i]!;
    if (createdIds.has(contactId) || Object.keys(claim.traits).length === 0) return;
    const into = byContact.get(contactId) ?? { traits: {}, email: null };
    merge(into, claim.traits);
    byContact.set(contactId, into);
  });
  if (byContact.size === 0) return;
  const changes = [...byContact].map(([id, { traits, email }]) => ({ id, traits, email }));
  await tx.execute(sql`
    update ${contacts} set
      traits = ${contacts.traits} || changed.traits,
      email = coalesce(changed.email, ${contacts.email}),
      updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as changed(id text, traits jsonb, email text)
    where ${contacts.id} = changed.id`);
}
