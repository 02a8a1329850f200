package global.cas.node.query;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.AssetId;
import global.cas.ledger.Transaction;
import global.cas.ledger.UnspentOutput;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What a wallet asks the node: balances, the outputs it may spend, transactions' status, and
 * sending. Implementations are thread-safe; balances and outputs are of one whole block.
 */
public interface WalletQueries {
    /** The balance of an address (L2) at the tip. */
    long balance(Address owner, AssetId asset);

    /** Unspent outputs of an address that no pending transaction spends yet. */
    List<UnspentOutput> spendableOutputs(Address owner);

    /**
     * At most {@code limit} outputs of {@code owner} with a storage id above {@code afterStorageId}
     * (-1: from the first), oldest first; with {@code spendableOnly}, those no pending transaction
     * spends.
     */
    List<UnspentOutput> outputsPage(Address owner, long afterStorageId, int limit, boolean spendableOnly);

    /** A transaction committed (with its height) or pending; empty when the node knows neither. */
    Optional<TransactionLookup> lookupTransaction(Hash id);

    /**
     * Where a scan of {@code owners}' history resumes past the pruned blocks: empty when the node
     * has pruned nothing ({@link ChainQueries#prunedBelow} is 0). The outputs and the height are
     * read together, never across a pruning pass.
     */
    Optional<PrunedStart> prunedStart(java.util.Set<global.cas.crypto.Address> owners);

    /** Admits a signed transaction; completes exceptionally with a RejectedException when refused. */
    CompletableFuture<Hash> submit(Transaction tx);
}
