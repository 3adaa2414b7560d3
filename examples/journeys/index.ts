import abandonedCart from './abandoned-cart.json' with { type: 'json' };
import backInStock from './back-in-stock.json' with { type: 'json' };
import postPurchase from './post-purchase.json' with { type: 'json' };
import welcome from './welcome.json' with { type: 'json' };
import winBack from './win-back.json' with { type: 'json' };

/**
 * The lifecycle journeys, in lifecycle order: the editor offers them as templates to start
 * from, and the tests publish them. Each is a draft graph exactly as `tend publish` reads it.
 */
export const lifecycleJourneys = [welcome, abandonedCart, backInStock, postPurchase, winBack] as const;
