package global.cas.ledger;

import global.cas.crypto.Address;
import global.cas.crypto.DecodedKeys;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every transaction's envelope obeys, whatever its action: size (U3), chain (L4), amounts
 * (U1), signatures, expiry (L4), fee (S6), whole unspent inputs spent once (L1), each input's owner
 * authorising it by its kind (key, authority majority, never a contract or a coloured output), no
 * token paid to an authority (the committee reserve holds only CAS, G21), and
 * the balance per asset. Thread-safe (immutable but for the decoded keys' cache, itself thread-safe).
 */
public final class EnvelopeRules {
    private final String chainId;
    private final DecodedKeys keys;

    /** Rules for {@code chainId}, verifying signatures through the decoded keys in {@code keys}. */
    public EnvelopeRules(String chainId, DecodedKeys keys) {
        this.chainId = chainId;
        this.keys = keys;
    }

    public String chainId() {
        return chainId;
    }

    /** The smallest fee a transaction of {@code size} bytes may pay at {@code minFeePerByte} (S6). */
    public static long minimumFee(long minFeePerByte, int size) {
        return Amounts.multiply(minFeePerByte, size);
    }

    /** Checks that need no state: size, chain id, amounts, duplicate inputs, witnesses' signatures. */
    public void checkStateless(Transaction tx) {
        checkShape(tx);
        verifyWitnesses(tx);
    }

    /** The stateless checks but the signatures: size, chain id, amounts, duplicate inputs and signers. */
    public void checkShape(Transaction tx) {
        if (tx.size() > Transaction.MAX_BYTES) {
            // Transaction.decode refuses these, but a block's transactions are read without that check
            throw new RejectedException(
                    Reason.OVERSIZE,
                    "A transaction may have at most " + Transaction.MAX_BYTES + " bytes, this one has " + tx.size()
                            + ".");
        }
        if (!tx.chainId().equals(chainId)) {
            throw new RejectedException(
                    Reason.WRONG_CHAIN,
                    "The transaction is for chain '" + tx.chainId() + "', this node runs '" + chainId + "'.");
        }
        long sum = 0;
        for (TxOutput o : tx.outputs()) {
            if (o.amount() <= 0) {
                throw new RejectedException(
                        Reason.NON_POSITIVE_AMOUNT, "Every output amount must be greater than zero.");
            }
            sum = Amounts.add(sum, o.amount());
        }
        if (tx.fee() < 0) {
            throw new RejectedException(Reason.NON_POSITIVE_AMOUNT, "The fee must not be negative.");
        }
        Amounts.add(sum, tx.fee());
        Set<OutputRef> seen = new HashSet<>();
        for (OutputRef in : tx.inputs()) {
            if (!seen.add(in)) {
                throw new RejectedException(Reason.DOUBLE_SPEND, "The transaction spends output " + in + " twice.");
            }
        }
        Set<Address> signers = new HashSet<>();
        for (Witness w : tx.witnesses()) {
            if (!signers.add(Address.of(w.key()))) {
                throw new RejectedException(Reason.MALFORMED, "The same key signs the transaction twice.");
            }
        }
    }

    /** Verifies every witness's Ed25519 signature of the id: the costly part, cached by the caller. */
    public void verifyWitnesses(Transaction tx) {
        byte[] msg = tx.id().bytes();
        for (Witness w : tx.witnesses()) {
            if (!keys.verify(w.key(), msg, w.signature())) {
                throw new RejectedException(
                        Reason.BAD_SIGNATURE, "A signature on transaction " + tx.id() + " does not verify.");
            }
        }
    }

    /** Checks the envelope against the ledger and the block on the action's {@code terms}. */
    public void check(Transaction tx, String kind, EnvelopeTerms terms, LedgerView view, BlockScope scope) {
        if (tx.expiryHeight() < scope.height()) {
            throw new RejectedException(
                    Reason.EXPIRED,
                    "The transaction expired at height " + tx.expiryHeight() + "; the next block is " + scope.height()
                            + ".");
        }
        long min = minimumFee(scope.context().params().minFeePerByte(), tx.size());
        if (tx.fee() < min) {
            throw new RejectedException(
                    Reason.FEE_BELOW_MINIMUM,
                    "The fee " + tx.fee() + " is below the minimum " + min + " for " + tx.size() + " bytes.");
        }
        if (!terms.spendsInputs()) {
            if (!tx.inputs().isEmpty()
                    || !tx.outputs().isEmpty()
                    || !tx.witnesses().isEmpty()) {
                throw new RejectedException(
                        Reason.MALFORMED, "A " + kind + " spends nothing: it has no inputs, outputs or witnesses.");
            }
        } else if (tx.inputs().isEmpty()) {
            throw new RejectedException(Reason.MALFORMED, "A " + kind + " needs at least one input to pay its fee.");
        }
        Set<Address> signers = new HashSet<>();
        for (Witness w : tx.witnesses()) {
            signers.add(Address.of(w.key()));
        }
        Set<Address> authorising = new HashSet<>();
        Map<AssetId, Long> in = new HashMap<>();
        for (OutputRef ref : tx.inputs()) {
            UnspentOutput u = view.unspent(ref).orElseThrow(() -> missing(ref, view));
            authorise(view.owner(u.output().owner()), ref, kind, signers, authorising);
            in.merge(u.output().asset(), u.output().amount(), Amounts::add);
        }
        if (!authorising.containsAll(signers)) {
            throw new RejectedException(
                    Reason.MALFORMED, "A key signs the transaction without owning or co-owning any of its inputs.");
        }
        Map<AssetId, Long> out = new HashMap<>();
        out.put(AssetId.CAS, tx.fee());
        for (TxOutput o : tx.outputs()) {
            Owner payee = view.owner(o.owner());
            if (payee instanceof Owner.Contract c) {
                throw new RejectedException(
                        Reason.CONTRACT_ACCOUNT,
                        "Only the " + c.module() + " module's rules may pay into account " + o.owner() + ".");
            }
            if (payee instanceof Owner.Authority && !o.asset().isCas()) {
                throw new RejectedException(
                        Reason.RESERVE_CAS_ONLY,
                        "Account " + o.owner() + " is the committee reserve, which holds only CAS; " + o.asset()
                                + " may not be sent to it (G21).");
            }
            out.merge(o.asset(), o.amount(), Amounts::add);
        }
        terms.consumed().forEach((asset, amount) -> out.merge(asset, amount, Amounts::add));
        in.merge(AssetId.CAS, terms.casCredit(), Amounts::add);
        Set<AssetId> assets = new HashSet<>(in.keySet());
        assets.addAll(out.keySet());
        for (AssetId a : assets) {
            long i = in.getOrDefault(a, 0L);
            long o = out.getOrDefault(a, 0L);
            if (i != o) {
                throw new RejectedException(
                        Reason.UNBALANCED,
                        "For " + a + " the inputs hold " + i + " but outputs and fee need " + o + ".");
            }
        }
    }

    private static RejectedException missing(OutputRef ref, LedgerView view) {
        if (view.coloured(ref).isPresent()) {
            return new RejectedException(
                    Reason.UNSPENDABLE_OUTPUT, "Output " + ref + " is a coloured output (L3): it is never spendable.");
        }
        if (view instanceof LedgerOverlay block && block.spentHere(ref)) {
            return new RejectedException(
                    Reason.DOUBLE_SPEND, "Output " + ref + " is already spent earlier in this block.");
        }
        return new RejectedException(Reason.UNKNOWN_OUTPUT, "Output " + ref + " does not exist or is already spent.");
    }

    private static void authorise(Owner owner, OutputRef ref, String kind, Set<Address> signers, Set<Address> used) {
        switch (owner) {
            case Owner.Key k -> {
                if (!signers.contains(k.address())) {
                    throw new RejectedException(
                            Reason.MISSING_SIGNATURE, "The owner of output " + ref + " did not sign the transaction.");
                }
                used.add(k.address());
            }
            case Owner.Authority a -> {
                if (!a.spentBy().contains(kind)) {
                    throw new RejectedException(
                            Reason.AUTHORITY_POLICY,
                            "Output " + ref + " belongs to authority " + a.address() + ", which a " + kind
                                    + " may not spend (G20).");
                }
                List<Address> signed =
                        a.members().stream().filter(signers::contains).toList();
                if (!a.isMajority(signed.size())) {
                    throw new RejectedException(
                            Reason.MISSING_SIGNATURE,
                            "Output " + ref + " belongs to an authority of "
                                    + a.members().size() + " members: more than half must sign, " + signed.size()
                                    + " did (G20).");
                }
                used.addAll(signed);
            }
            case Owner.Contract c ->
                throw new RejectedException(
                        Reason.CONTRACT_ACCOUNT,
                        "Output " + ref + " belongs to a " + c.module() + " contract account: only that module's rules"
                                + " spend it.");
        }
    }

    /** Spends the inputs, creates the outputs and books the fee for the packer. */
    public void apply(Transaction tx, int txIndex, LedgerOverlay state, BlockScope scope) {
        for (OutputRef ref : tx.inputs()) {
            state.spend(state.unspent(ref).orElseThrow());
        }
        List<TxOutput> outs = tx.outputs();
        for (int i = 0; i < outs.size(); i++) {
            state.create(new UnspentOutput(
                    new OutputRef(tx.id(), i), outs.get(i), UnspentOutput.storageId(scope.height(), txIndex, i)));
        }
        scope.addFee(tx.fee());
    }
}
