/**
 * The kit's conformance suite against a real Tryton 6.0 with the seeded demo data.
 */
import { runConformance } from '../../kit/testing/conformance.js';
import { tryton } from './connector.js';
import { credentialsOf, withTryton } from './real-tryton.test-support.js';

await withTryton('tryton conformance', (server) => {
  runConformance({
    connector: tryton,
    credentials: () => credentialsOf(server()),
    // A throw-away login name: Tryton slows down (and after 5 failures refuses) further logins
    // of a name that failed, which would slow every later test logging in as admin.
    wrongCredentials: () => ({ ...credentialsOf(server()), username: 'conformance-nobody', password: 'not-the-password' }),
    missingRemoteId: '999999',
    mutate: {
      entity: 'purchaseOrders',
      // The Tryton quirk worth proving: a direct purchase.line write leaves the order's own
      // write_date alone, yet the order must come back as changed.
      async change() {
        const s = server();
        const po = s.seed.purchases.idsByState.draft[0];
        if (po === undefined) throw new Error('the seed has no draft purchase');
        const [line] = await s.rpc<number[]>('model.purchase.line.search', [[['purchase', '=', po], ['type', '=', 'line']], 0, 1, null]);
        await s.rpc('model.purchase.line.write', [[line], { quantity: 77 }]);
        return String(po);
      },
    },
  });
});
