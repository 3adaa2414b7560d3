import type { ContactDetail } from '../trpc';
import { formatDateTime } from '../ui/format';

type Contact = ContactDetail['contact'];

/** Who the contact is: their identifiers, and every trait on their profile. */
export function ContactProfile({ contact }: { contact: Contact }) {
  const traits = Object.entries(contact.traits).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="contact">
      <div className="panel">
        <h2>Profile</h2>
        <dl className="facts">
          <dt>User id</dt>
          <dd>
            {contact.userId ? (
              <code>{contact.userId}</code>
            ) : (
              <span className="muted">none: anonymous{contact.anonymousId ? ` (${contact.anonymousId})` : ''}</span>
            )}
          </dd>
          <dt>Contact id</dt>
          <dd>
            <code>{contact.id}</code>
          </dd>
          <dt>Email</dt>
          <dd>{contact.email ?? <span className="muted">none</span>}</dd>
          <dt>First seen</dt>
          <dd>{formatDateTime(contact.createdAt)}</dd>
          <dt>Updated</dt>
          <dd>{formatDateTime(contact.updatedAt)}</dd>
        </dl>
      </div>
      <div className="panel">
        <h2>Traits</h2>
        {traits.length === 0 ? (
          <p className="muted">No traits yet. Identify calls set them, and so do Update profile steps.</p>
        ) : (
          <table className="table table--compact">
            <thead>
              <tr>
                <th>Trait</th>
                <th>Value</th>
              </tr>
            </thead>
            <tbody>
              {traits.map(([name, value]) => (
                <tr key={name}>
                  <td>
                    <code>{name}</code>
                  </td>
                  <td className="trait-value">{traitText(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

/** Text as written; numbers, true/false, lists and objects as JSON, so their type shows. */
function traitText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
