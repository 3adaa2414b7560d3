import type { Tend } from '../../support/index.js';

/**
 * A shop of ten customers whose RFM cells are known by construction: five pairs, each pair with
 * the same recency and the same number of orders, the pairs' values all different. Quintiles over
 * ten contacts in tied pairs give the pairs scores 1 to 5 (see rfm-scores.ts), so each pair fills
 * one cell of the grid:
 *
 *   pair  last order   orders  cell     group
 *   a     1 day ago    5       R5 F5    Champions
 *   b     10 days      1       R4 F1    Promising
 *   c     20 days      3       R3 F3    Need attention
 *   d     40 days      4       R2 F4    At risk
 *   e     80 days      2       R1 F2    Lost
 *
 * Orders of one customer are a day apart, the latest `daysAgo` days (and an hour) before now.
 */
export const shop = [
  { pair: 'a', daysAgo: 1, orders: 5, group: 'Champions', cell: { r: 5, f: 5 } },
  { pair: 'b', daysAgo: 10, orders: 1, group: 'Promising', cell: { r: 4, f: 1 } },
  { pair: 'c', daysAgo: 20, orders: 3, group: 'Need attention', cell: { r: 3, f: 3 } },
  { pair: 'd', daysAgo: 40, orders: 4, group: 'At risk', cell: { r: 2, f: 4 } },
  { pair: 'e', daysAgo: 80, orders: 2, group: 'Lost', cell: { r: 1, f: 2 } },
] as const;

/** Every order is worth this, so a cell's money is 2 customers × orders × this. */
export const orderRevenue = 10;

const dayMs = 86_400_000;

export function customerIds(pair: string): [string, string] {
  return [`shop-${pair}1`, `shop-${pair}2`];
}

/** Sends the shop's profiles and orders through /v1/batch, then computes RFM (and the rest) on the worker. */
export async function seedSmallShop(tend: Tend): Promise<void> {
  const now = Date.now();
  const calls: object[] = [];
  for (const { pair, daysAgo, orders, group } of shop) {
    for (const [index, userId] of customerIds(pair).entries()) {
      calls.push({ type: 'identify', userId, traits: { name: `${group} ${index + 1}`, email: `${userId}@shop.example`, plan: pair === 'a' ? 'pro' : 'free' } });
      for (let order = 0; order < orders; order++) {
        const at = new Date(now - (daysAgo + order) * dayMs - 3_600_000).toISOString();
        calls.push({ type: 'track', userId, event: 'Order Completed', timestamp: at, properties: { orderId: `${userId}-${order}`, revenue: orderRevenue } });
      }
    }
  }
  await tend.batch(calls);
  const refreshed = await tend.api.rfm.recompute();
  if (refreshed.done?.rfmScored !== 10) throw new Error(`RFM scored ${refreshed.done?.rfmScored ?? 'nothing (still running)'}, not the shop's 10 customers`);
}
