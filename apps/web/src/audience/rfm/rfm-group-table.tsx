import { formatAmount, formatCount, formatShare } from '../audience-format';
import type { RfmGroupInfo, RfmGroupSummary } from '../audience-types';
import { GroupActions } from './group-actions';

/** Every group: what it means, its contacts and revenue, and its actions. */
export function RfmGroupTable({ groups, info, selected, onSelect }: { groups: readonly RfmGroupSummary[]; info: readonly RfmGroupInfo[]; selected: string | null; onSelect: (group: string) => void }) {
  return (
    <table className="table table--compact" aria-label="RFM groups">
      <thead>
        <tr>
          <th>Group</th>
          <th className="num">Contacts</th>
          <th className="num">Revenue</th>
          <th className="num">Share</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.name} className={group.name === selected ? 'table__row--selected' : undefined} onClick={() => onSelect(group.name)}>
            <td>
              <span className="strong">{group.name}</span>
              <div className="muted small">{info.find((known) => known.name === group.name)?.description}</div>
            </td>
            <td className="num">{formatCount(group.contacts)}</td>
            <td className="num">{formatAmount(group.revenue)}</td>
            <td className="num">{formatShare(group.revenueShare)}</td>
            <td className="nowrap" onClick={(event) => event.stopPropagation()}>
              <GroupActions group={group.name} compact />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
