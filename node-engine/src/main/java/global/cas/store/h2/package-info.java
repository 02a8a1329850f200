/**
 * The chain store on embedded H2 2.x: {@link global.cas.store.h2.H2ChainStore} keeps blocks,
 * transactions, outputs (spent ones with their spending height), balances and the tip in one
 * database file per node, migrated by Flyway from {@code db/chain/V<n>__name.sql}, one database
 * transaction per block, batched statements, keys that grow with the chain, and a guard that
 * refuses a database file carrying triggers, aliases, linked tables or foreign schema objects
 * before H2 could run any of them (the hostile-file checks are those of {@code global.cas.h2},
 * shared with the wallet's store in {@code wallet.data.h2}; this package knows nothing of
 * wallets). Depends on {@code store}, {@code chain}, {@code ledger}, {@code codec}, {@code crypto}
 * and {@code h2}, on H2 and Flyway, and on nothing that uses it.
 */
package global.cas.store.h2;
