/**
 * Persistence interfaces of the node: what the chain needs from its database, independent of the
 * database. {@code store.h2} implements them on embedded H2 with Flyway migrations. Depends on
 * {@code chain} and {@code ledger}.
 */
package global.cas.store;
