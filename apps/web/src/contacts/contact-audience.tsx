import { formatAmount, formatCount, formatPredicted, predictedLabels } from '../audience/audience-format';
import type { ContactAudience, ContactMerge } from '../audience/audience-types';
import { hrefFor } from '../routing/route';
import { Badge } from '../ui/badge';
import { formatDateTime } from '../ui/format';
import { mergeDetailText } from './merge-detail';

/**
 * What the audience knows of a contact: the segments they are in and since when, their RFM group
 * and scores, their predicted value, and the profiles merged into theirs.
 */
export function ContactAudiencePanels({ contactId, audience }: { contactId: string; audience: ContactAudience }) {
  const { segments, rfm, predicted, merges } = audience;
  return (
    <>
      <section className="audience-panels" aria-label="Audience">
        <div className="panel">
          <h2>Segments</h2>
          {segments.length === 0 ? (
            <p className="muted">In no segment.</p>
          ) : (
            <ul className="plain-list">
              {segments.map((membership) => (
                <li key={membership.segment}>
                  <a href={hrefFor({ page: 'segment', id: membership.segment })}>{membership.name}</a>{' '}
                  <span className="muted small">since {formatDateTime(membership.since)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="panel">
          <h2>RFM</h2>
          {rfm ? (
            <dl className="facts">
              <dt>Group</dt>
              <dd>
                <a href={hrefFor({ page: 'contacts', filters: { rfmGroup: rfm.group } })} title="Everyone in this group">
                  <Badge tone="accent">{rfm.group}</Badge>
                </a>
              </dd>
              <dt>Scores</dt>
              <dd>
                R {rfm.r} · F {rfm.f} · M {rfm.m} <span className="muted small">(1–5, 5 best)</span>
              </dd>
              <dt>Last purchase</dt>
              <dd>{rfm.recencyDays === 1 ? '1 day' : `${formatCount(rfm.recencyDays)} days`} before the computation</dd>
              <dt>Purchases</dt>
              <dd>{formatCount(rfm.frequency)}</dd>
              <dt>Spent</dt>
              <dd>{formatAmount(rfm.monetary)}</dd>
              <dt>Computed</dt>
              <dd>{formatDateTime(rfm.computedAt)}</dd>
            </dl>
          ) : (
            <p className="muted">No RFM score: no purchase in the RFM window, or RFM not computed yet.</p>
          )}
        </div>
        <div className="panel">
          <h2>Predicted value</h2>
          {predicted ? (
            <dl className="facts">
              {(['probabilityAlive', 'expectedPurchases', 'expectedSpend'] as const).map((measure) => (
                <Fact key={measure} label={predictedLabels[measure]} value={formatPredicted(measure, predicted[measure])} />
              ))}
              <dt>Computed</dt>
              <dd>{formatDateTime(predicted.computedAt)}</dd>
            </dl>
          ) : (
            <p className="muted">No prediction yet: the model is fitted once the shop has enough repeat purchases.</p>
          )}
        </div>
      </section>
      {merges.length > 0 && <ContactMerges contactId={contactId} merges={merges} />}
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** Profiles found to be this person (an anonymous visitor who signed in, an alias call). */
function ContactMerges({ contactId, merges }: { contactId: string; merges: ContactMerge[] }) {
  return (
    <section className="section" aria-labelledby="merges-heading">
      <h2 id="merges-heading">Merged profiles</h2>
      <table className="table table--compact">
        <thead>
          <tr>
            <th>When</th>
            <th>What</th>
            <th>Through</th>
            <th>Moved</th>
          </tr>
        </thead>
        <tbody>
          {merges.map((merge) => (
            <tr key={merge.id}>
              <td className="nowrap">{formatDateTime(merge.mergedAt)}</td>
              <td>
                {merge.intoContactId === contactId ? (
                  <>
                    Profile <code>{merge.fromContactId}</code> merged into this one
                  </>
                ) : (
                  <>
                    This profile merged into <a href={hrefFor({ page: 'contact', id: merge.intoContactId, journeyId: null })}>{merge.intoContactId}</a>
                  </>
                )}
              </td>
              <td>
                <code>{merge.via}</code>
              </td>
              <td className="small">{mergeDetailText(merge.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
