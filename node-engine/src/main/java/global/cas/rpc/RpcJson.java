package global.cas.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import global.cas.chain.Block;
import global.cas.chain.ChainTip;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.MiningProof;
import global.cas.ledger.OutputRef;
import global.cas.ledger.Transaction;
import global.cas.ledger.Transfer;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.ledger.Witness;
import global.cas.node.query.MiningWork;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.HexFormat;

/**
 * The JSON shapes of the RPC: hashes and keys as lowercase hex, addresses in Bech32m text,
 * amounts as whole base units (JSON integers) with a decimal CAS string beside them, the 64-bit
 * proof-of-work target and nonces as 16 hex digits (they are unsigned). Also reads an output back,
 * so a client can build transfers from {@code address_outputs}. Stateless and thread-safe.
 */
public final class RpcJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RpcJson() {}

    /** The 64-bit unsigned target (or nonce) as 16 hex digits. */
    public static String hex64(long value) {
        return HexFormat.of().toHexDigits(value);
    }

    /** Reads 16 hex digits written by {@link #hex64}. */
    public static long parseHex64(String text) {
        if (!text.matches("[0-9a-fA-F]{16}")) {
            throw new RejectedException(Reason.MALFORMED, "'" + text + "' is not 16 hex digits.");
        }
        return HexFormat.fromHexDigitsToLong(text);
    }

    static ObjectNode tip(ChainTip tip) {
        ObjectNode o = JSON.objectNode();
        o.put("height", tip.height());
        o.put("tipHash", tip.hash().hex());
        o.put("tipTime", tip.time());
        o.put("stateRoot", tip.stateRoot().hex());
        o.put("target", hex64(tip.target()));
        o.put("frozenRemaining", tip.frozenRemaining());
        o.put("frozenRemainingCas", Amounts.format(tip.frozenRemaining()));
        return o;
    }

    /**
     * Recorded evidence of a double sign (C4): where the chain recorded it, the validator's slot and
     * address, and both signed votes.
     */
    static ObjectNode evidence(global.cas.chain.StoredEvidence s, Address validator, Network network) {
        global.cas.chain.DoubleSignEvidence e = s.evidence();
        ObjectNode o = JSON.objectNode();
        o.put("blockHeight", s.blockHeight());
        o.put("index", s.index());
        o.put("hash", e.hash().hex());
        o.put("height", e.height());
        o.put("round", e.round());
        o.put("type", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        o.put("validatorIndex", e.validator());
        o.put("validator", validator.encode(network));
        ArrayNode votes = o.putArray("votes");
        for (global.cas.chain.DoubleSignEvidence.Signed v : java.util.List.of(e.first(), e.second())) {
            ObjectNode vote = votes.addObject();
            vote.put("value", v.value().hex());
            vote.put("timestamp", v.timestamp());
            vote.put("signature", global.cas.crypto.Bytes.hex(v.signature().bytes()));
        }
        return o;
    }

    /** A block's header fields, its transaction count and the ids of transactions {@code [from, to)}. */
    static ObjectNode block(Block b, Network network, int from, int to) {
        ObjectNode o = JSON.objectNode();
        o.put("height", b.height());
        o.put("hash", b.hash().hex());
        o.put("chainId", b.header().chainId());
        o.put("previousHash", b.header().previousHash().hex());
        o.put("time", b.header().time());
        o.put("proposer", b.header().proposer().encode(network));
        o.put("transactionsRoot", b.header().transactionsRoot().hex());
        o.put("stateRoot", b.header().stateRoot().hex());
        o.put("evidenceHash", b.header().evidenceHash().hex());
        o.put("evidenceCount", b.evidence().size());
        o.put("transactionCount", b.transactions().size());
        ArrayNode ids = o.putArray("transactions");
        for (Transaction t : b.transactions().subList(from, to)) {
            ids.add(t.id().hex());
        }
        return o;
    }

    static ObjectNode transaction(Transaction tx, Network network) {
        ObjectNode o = JSON.objectNode();
        o.put("id", tx.id().hex());
        o.put("kind", tx.action().kindName());
        o.put("chainId", tx.chainId());
        o.put("expiryHeight", tx.expiryHeight());
        ArrayNode ins = o.putArray("inputs");
        for (OutputRef r : tx.inputs()) {
            ins.addObject().put("txId", r.txId().hex()).put("index", r.index());
        }
        ArrayNode outs = o.putArray("outputs");
        for (int i = 0; i < tx.outputs().size(); i++) {
            TxOutput out = tx.outputs().get(i);
            ObjectNode j = outs.addObject();
            j.put("index", i);
            amount(j, out, network);
        }
        o.put("fee", tx.fee());
        o.put("feeCas", Amounts.format(tx.fee()));
        ArrayNode ws = o.putArray("witnesses");
        for (Witness w : tx.witnesses()) {
            ws.addObject()
                    .put("publicKey", w.key().hex())
                    .put("address", Address.of(w.key()).encode(network))
                    .put("signature", HexFormat.of().formatHex(w.signature().bytes()));
        }
        // the action's own fields: one case per kind, as the RPC shows them
        switch (tx.action()) {
            case Transfer t -> {
                // a transfer is its envelope
            }
            case MiningProof p -> {
                o.put("previousBlock", p.previousBlock().hex());
                o.put("miner", p.miner().encode(network));
                o.put("nonce", hex64(p.nonce()));
                o.put("workHash", p.workHash().hex());
            }
            case global.cas.ledger.GovernanceAction g -> o.set("governance", GovernanceActionJson.of(g, network));
        }
        o.put("size", tx.size());
        return o;
    }

    static ObjectNode output(UnspentOutput u, Network network) {
        ObjectNode o = JSON.objectNode();
        o.put("txId", u.ref().txId().hex());
        o.put("index", u.ref().index());
        amount(o, u.output(), network);
        o.put("height", u.height());
        o.put("storageId", u.storageId());
        return o;
    }

    private static void amount(ObjectNode o, TxOutput out, Network network) {
        o.put("address", out.owner().encode(network));
        o.put("asset", out.asset().toString());
        o.put("amount", out.amount());
        if (out.asset().isCas()) {
            o.put("amountCas", Amounts.format(out.amount()));
        }
    }

    static ObjectNode work(MiningWork w) {
        ObjectNode o = JSON.objectNode();
        o.put("chainId", w.chainId());
        o.put("height", w.height());
        o.put("previousHash", w.previousBlock().hex());
        o.put("target", hex64(w.target()));
        o.put("minFeePerByte", w.minFeePerByte());
        o.put("proofFee", w.proofFee());
        return o;
    }

    /**
     * Reads one entry of {@code address_outputs} back into an {@link UnspentOutput}.
     *
     * @throws RejectedException {@code MALFORMED} (or an address reason) when a field is missing or
     *     wrong
     */
    public static UnspentOutput readOutput(JsonNode o, Network network) {
        try {
            Hash txId = Hash.fromHex(o.get("txId").asText());
            int index = o.get("index").asInt();
            Address owner = Address.parse(o.get("address").asText(), network);
            String asset = o.get("asset").asText();
            AssetId assetId =
                    asset.equals("CAS") ? AssetId.CAS : AssetId.token(Hash.fromHex(asset.substring("token:".length())));
            long amount = o.get("amount").asLong();
            long storageId = o.get("storageId").asLong();
            return new UnspentOutput(new OutputRef(txId, index), new TxOutput(owner, assetId, amount), storageId);
        } catch (RejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RejectedException(Reason.MALFORMED, "The node sent an output the wallet cannot read: " + o + ".");
        }
    }

    /** Reads {@code mining_work}'s result back into a {@link MiningWork}. */
    public static MiningWork readWork(JsonNode o) {
        try {
            return new MiningWork(
                    o.get("chainId").asText(),
                    o.get("height").asLong(),
                    Hash.fromHex(o.get("previousHash").asText()),
                    parseHex64(o.get("target").asText()),
                    o.get("minFeePerByte").asLong());
        } catch (RejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RejectedException(
                    Reason.MALFORMED, "The node sent mining work the miner cannot read: " + o + ".");
        }
    }
}
