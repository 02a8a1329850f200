package global.cas.chain;

import global.cas.crypto.Hash;
import global.cas.ledger.Transaction;

/** A committed transaction and where it sits in the chain. */
public record StoredTransaction(Transaction transaction, long height, int index, Hash blockHash) {}
