/** A cell of the R×F grid: a recency score and a frequency score, each 1–5 (5 is best). */
export interface RfmCell {
  r: number;
  f: number;
}

export interface RfmGroup {
  name: RfmGroupName;
  /** The R×F cells that make up the group. */
  cells: readonly RfmCell[];
  /** What the group's customers have in common, in one line. */
  description: string;
}

export type RfmGroupName =
  | 'Champions'
  | 'Loyal'
  | 'Potential loyalists'
  | 'New'
  | 'Promising'
  | 'Need attention'
  | 'About to sleep'
  | 'At risk'
  | "Can't lose them"
  | 'Hibernating'
  | 'Lost';

/** Every cell with r in `rs` and f in `fs`. */
function block(rs: readonly number[], fs: readonly number[]): RfmCell[] {
  return rs.flatMap((r) => fs.map((f) => ({ r, f })));
}

/**
 * The named groups of the R×F grid, best first. The grid is the widely used 5×5 R×F map of
 * RFM tutorials (the `seg_map` of R-then-F score patterns, e.g. `[1-2][1-2]` hibernating,
 * `5[4-5]` champions), which has ten groups; its Hibernating block is split by recency to give
 * the eleventh, Lost: R = 1 is Lost, R = 2 Hibernating. Each of the 25 cells is in exactly one
 * group (a test checks it). Monetary does not name the group: it is a score of its own.
 */
export const rfmGroups: readonly RfmGroup[] = [
  { name: 'Champions', cells: block([5], [4, 5]), description: 'Bought very recently and buy most often.' },
  { name: 'Loyal', cells: block([3, 4], [4, 5]), description: 'Buy often and fairly recently.' },
  { name: 'Potential loyalists', cells: block([4, 5], [2, 3]), description: 'Recent customers of middling frequency, who could become loyal.' },
  { name: 'New', cells: block([5], [1]), description: 'Bought very recently, but among the fewest orders: mostly a first order.' },
  { name: 'Promising', cells: block([4], [1]), description: 'Bought recently, but among the fewest orders.' },
  { name: 'Need attention', cells: block([3], [3]), description: 'Middling recency and frequency: may slip either way.' },
  { name: 'About to sleep', cells: block([3], [1, 2]), description: 'Few orders, and none lately: slipping away.' },
  { name: 'At risk', cells: block([1, 2], [3, 4]), description: 'Bought fairly often, but long ago.' },
  { name: "Can't lose them", cells: block([1, 2], [5]), description: 'Among the most frequent buyers, but have not bought for a long time.' },
  { name: 'Hibernating', cells: block([2], [1, 2]), description: 'Bought rarely, long ago.' },
  { name: 'Lost', cells: block([1], [1, 2]), description: 'Bought rarely, longest ago.' },
];
