package global.cas.ledger;

import global.cas.crypto.Address;

/** The key of a balance: one address, one asset (L2). */
public record BalanceKey(Address owner, AssetId asset) {}
