package global.cas.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import global.cas.chain.Block;
import global.cas.chain.ChainParams;
import global.cas.chain.DoubleSignEvidence;
import global.cas.chain.StoredEvidence;
import global.cas.chain.StoredTransaction;
import global.cas.crypto.Address;
import global.cas.crypto.Bytes;
import global.cas.crypto.Hash;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.Transaction;
import global.cas.ledger.UnspentOutput;
import global.cas.mempool.Mempool;
import global.cas.node.Node;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The RPC methods, each reading a {@link Node} through its thread-safe query methods. The table of
 * names, parameters and results is in {@link RpcServer}. Thread-safe (holds only the node).
 */
final class RpcMethods {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final long SUBMIT_TIMEOUT_SECONDS = 30;

    /**
     * One method: its parameter names (also their positions), its body, and, for a method whose
     * calls are cheaper together, the body of all its calls in one batch: given their parameters in
     * order, it does their shared work at once and returns, for each, what answers it (the result, or
     * the exception the body would throw).
     */
    record Method(
            String name,
            List<String> params,
            Function<Params, JsonNode> body,
            Optional<Function<List<Params>, List<Supplier<JsonNode>>>> batchBody) {
        Method(String name, List<String> params, Function<Params, JsonNode> body) {
            this(name, params, body, Optional.empty());
        }
    }

    private final Node node;
    private final Network network;
    private final int defaultPage;
    private final int maxPage;
    private final Map<String, Method> methods = new LinkedHashMap<>();

    /** Methods over {@code node}; list methods return {@code defaultPage} items unless asked for up to {@code maxPage}. */
    RpcMethods(Node node, int defaultPage, int maxPage) {
        this.node = node;
        this.network = node.params().network();
        this.defaultPage = defaultPage;
        this.maxPage = maxPage;
        add("chain_info", List.of(), p -> chainInfo());
        add("chain_block", List.of("block", "height", "hash", "limit", "cursor"), this::chainBlock);
        add("chain_transaction", List.of("id"), this::chainTransaction);
        add("address_balance", List.of("address", "asset"), this::addressBalance);
        add("address_outputs", List.of("address", "spendableOnly", "limit", "cursor"), this::addressOutputs);
        methods.put("tx_send", new Method("tx_send", List.of("raw"), this::txSend, Optional.of(this::txSendAll)));
        add("mempool_info", List.of(), p -> mempoolInfo());
        add("net_info", List.of(), p -> netInfo());
        add("mining_work", List.of(), p -> RpcJson.work(node.miningWork()));
        add("evidence_list", List.of("limit", "cursor"), this::evidenceList);
        for (Method m : new GovernanceRpc(node, defaultPage, maxPage).methods()) {
            methods.put(m.name(), m);
        }
        for (Method m : new ReserveRpc(node).methods()) {
            methods.put(m.name(), m);
        }
    }

    private void add(String name, List<String> params, Function<Params, JsonNode> body) {
        methods.put(name, new Method(name, params, body));
    }

    Optional<Method> method(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    List<String> names() {
        return List.copyOf(methods.keySet());
    }

    /** The peers, the listening address and the consensus state, as CometBFT's net_info and status. */
    private JsonNode netInfo() {
        ObjectNode o = JSON.objectNode();
        o.put("listening", node.peerNetwork().isPresent());
        node.peerNetwork().ifPresent(n -> {
            o.put("nodeId", n.localId().hex());
            n.listenAddress().ifPresent(a -> o.put("listenAddress", a.getHostString() + ":" + a.getPort()));
        });
        var peers = o.putArray("peers");
        for (var peer : node.connectedPeers()) {
            ObjectNode e = peers.addObject();
            e.put("nodeId", peer.id().hex());
            e.put(
                    "address",
                    peer.address().getHostString() + ":" + peer.address().getPort());
            e.put("inbound", peer.inbound());
            e.put("connectedSince", peer.connectedSince().toString());
            e.put("bytesIn", peer.bytesIn());
            e.put("bytesOut", peer.bytesOut());
            peer.pingMicros().ifPresent(m -> e.put("pingMicros", m));
        }
        node.consensusStatus().ifPresent(c -> {
            ObjectNode e = o.putObject("consensus");
            e.put("height", c.height());
            e.put("round", c.round());
            e.put("step", c.step().name().toLowerCase(java.util.Locale.ROOT));
            e.put("validatorIndex", c.validatorIndex());
            e.put("signing", c.signing());
            e.put("decided", c.decided());
            e.put("missedBlocks", c.missedBlocks());
            e.put("extraRounds", c.extraRounds());
            e.put("equivocationsSeen", c.equivocationsSeen());
            c.halted().ifPresent(h -> e.put("halted", h));
            c.haltCause().ifPresent(h -> e.put("haltCause", h.name()));
        });
        return o;
    }

    private JsonNode chainInfo() {
        ChainParams p = node.params();
        ObjectNode o = JSON.objectNode();
        o.put("chainId", p.chainId());
        o.put("network", p.network().id());
        o.put("genesisHash", node.genesisHash().hex());
        o.put("localOnly", node.localOnly());
        o.setAll(RpcJson.tip(node.tip()));
        o.put("minFeePerByte", p.minFeePerByte());
        o.put("validator", node.isValidator());
        // as Bitcoin Core's getblockchaininfo: whether blocks are pruned, and the lowest whole one
        long pruned = node.prunedBelow();
        o.put("pruned", node.prunes() || pruned > 0);
        o.put("pruneHeight", pruned == 0 ? 0 : pruned);
        return o;
    }

    private JsonNode chainBlock(Params p) {
        int limit = p.pageLimit(defaultPage, maxPage);
        long from = Cursor.read(p, "chain_block", Cursor.BLOCK_TRANSACTIONS).orElse(0L);
        Optional<JsonNode> any = p.get("block");
        Optional<JsonNode> height = p.get("height");
        Optional<String> hash = p.optionalText("hash");
        int given = (any.isPresent() ? 1 : 0) + (height.isPresent() ? 1 : 0) + (hash.isPresent() ? 1 : 0);
        if (given != 1) {
            throw Params.invalid(
                    Reason.MALFORMED, "chain_block takes exactly one of 'height' or 'hash' (or 'block': either).");
        }
        Optional<Block> block;
        String what;
        if (hash.isPresent()) {
            Hash h = Params.hash(hash.get(), "hash");
            block = node.blockByHash(h);
            what = "hash " + h.hex();
        } else {
            JsonNode v = any.or(() -> height).orElseThrow();
            if (v.isTextual() && v.asText().strip().length() == 2 * Hash.LENGTH) {
                Hash h = Params.hash(v.asText(), "block");
                block = node.blockByHash(h);
                what = "hash " + h.hex();
            } else {
                long h = Params.height(v, any.isPresent() ? "block" : "height");
                block = node.block(h);
                what = "height " + h + " (the tip is " + node.tip().height() + ")";
                if (block.isEmpty() && h > 0 && h < node.prunedBelow()) {
                    throw pruned("Block " + h + "'s transactions were pruned: this node keeps them from block "
                            + node.prunedBelow() + " up, and every block's header and commit.");
                }
            }
        }
        Block b = block.orElseThrow(() -> notFound("There is no block with " + what + "."));
        int count = b.transactions().size();
        int start = (int) Math.min(from, count);
        int end = Math.min(count, start + limit);
        ObjectNode o = RpcJson.block(b, network, start, end);
        if (end < count) {
            o.put("next", Cursor.encode(Cursor.BLOCK_TRANSACTIONS, end));
        } else {
            o.putNull("next");
        }
        return o;
    }

    private JsonNode chainTransaction(Params p) {
        Hash id = p.hash("id");
        Node.KnownTransaction known = node.findTransaction(id)
                .orElseThrow(() -> node.prunedBelow() > 0
                        ? notFound("No committed or pending transaction has the id " + id.hex()
                                + " in the blocks this node keeps whole (from " + node.prunedBelow()
                                + " up; older blocks' transactions are pruned).")
                        : notFound("No committed or pending transaction has the id " + id.hex() + "."));
        ObjectNode o = JSON.objectNode();
        Transaction tx = known.transaction();
        if (known.committed().isPresent()) {
            StoredTransaction s = known.committed().get();
            o.put("status", "committed");
            o.put("height", s.height());
            o.put("index", s.index());
            o.put("blockHash", s.blockHash().hex());
        } else {
            o.put("status", "pending");
        }
        o.put("id", tx.id().hex());
        o.set("transaction", RpcJson.transaction(tx, network));
        o.put("raw", Bytes.hex(tx.encoded()));
        return o;
    }

    private JsonNode addressBalance(Params p) {
        Address a = p.address("address", network);
        AssetId asset = p.asset("asset");
        // the balance and the height it is at, read from one block
        long[] at = node.read(v -> new long[] {v.balance(a, asset), v.height()});
        long balance = at[0];
        ObjectNode o = JSON.objectNode();
        o.put("height", at[1]);
        o.put("address", a.encode(network));
        o.put("asset", asset.toString());
        o.put("balance", balance);
        if (asset.isCas()) {
            o.put("balanceCas", Amounts.format(balance));
        }
        return o;
    }

    private JsonNode addressOutputs(Params p) {
        Address a = p.address("address", network);
        boolean spendableOnly = p.optionalBoolean("spendableOnly").orElse(true);
        int limit = p.pageLimit(defaultPage, maxPage);
        long after = Cursor.read(p, "address_outputs", Cursor.OUTPUTS).orElse(-1L);
        // one more than asked says whether another page follows
        List<UnspentOutput> outs = node.outputsPage(a, after, limit + 1, spendableOnly);
        ObjectNode o = JSON.objectNode();
        o.put("address", a.encode(network));
        o.put("spendableOnly", spendableOnly);
        ArrayNode arr = o.putArray("outputs");
        for (UnspentOutput u : outs.subList(0, Math.min(limit, outs.size()))) {
            arr.add(RpcJson.output(u, network));
        }
        if (outs.size() > limit) {
            o.put("next", Cursor.encode(Cursor.OUTPUTS, outs.get(limit - 1).storageId()));
        } else {
            o.putNull("next");
        }
        return o;
    }

    /**
     * The {@code tx_send} calls of one batch: each decoded, then all admitted through {@link
     * Node#submitAll} (signatures verified on all cores, admitted in the batch's order, so of two
     * spending one output the earlier one is taken), instead of one verification handed to the verifiers
     * and waited for a call.
     */
    private List<Supplier<JsonNode>> txSendAll(List<Params> calls) {
        List<Supplier<JsonNode>> out = new ArrayList<>(calls.size());
        List<Transaction> txs = new ArrayList<>(calls.size());
        List<Integer> slots = new ArrayList<>(calls.size());
        for (Params p : calls) {
            try {
                txs.add(Transaction.decode(p.hex("raw")));
                slots.add(out.size());
                out.add(null);
            } catch (RejectedException e) {
                RpcException r = rejected(e);
                out.add(() -> {
                    throw r;
                });
            } catch (RpcException e) {
                out.add(() -> {
                    throw e;
                });
            }
        }
        List<Mempool.Admission> admitted = txs.isEmpty() ? List.of() : node.submitAll(txs);
        for (int i = 0; i < admitted.size(); i++) {
            Mempool.Admission a = admitted.get(i);
            JsonNode answer = JSON.objectNode().put("id", a.id().hex());
            Optional<RpcException> refused = a.rejection().map(RpcMethods::rejected);
            out.set(slots.get(i), () -> {
                if (refused.isPresent()) {
                    throw refused.get();
                }
                return answer;
            });
        }
        return out;
    }

    private JsonNode txSend(Params p) {
        byte[] raw = p.hex("raw");
        Transaction tx;
        try {
            tx = Transaction.decode(raw);
        } catch (RejectedException e) {
            throw rejected(e);
        }
        try {
            Hash id = node.submit(tx).get(SUBMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return JSON.objectNode().put("id", id.hex());
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof RejectedException r) {
                throw rejected(r);
            }
            throw new IllegalStateException("submitting " + tx + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "the node did not admit " + tx + " within " + SUBMIT_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while submitting " + tx, e);
        }
    }

    /** The double signs recorded on chain (C4), in chain order, paged by position. */
    private JsonNode evidenceList(Params p) {
        int limit = p.pageLimit(defaultPage, maxPage);
        long after = Cursor.read(p, "evidence_list", Cursor.EVIDENCE).orElse(-1L);
        List<StoredEvidence> page = node.recordedEvidence(after, limit + 1);
        ObjectNode o = JSON.objectNode();
        ArrayNode arr = o.putArray("evidence");
        for (StoredEvidence s : page.subList(0, Math.min(limit, page.size()))) {
            DoubleSignEvidence e = s.evidence();
            arr.add(RpcJson.evidence(
                    s, node.validatorAddress(e.height(), e.validator()).orElseThrow(), network));
        }
        if (page.size() > limit) {
            o.put("next", Cursor.encode(Cursor.EVIDENCE, page.get(limit - 1).position()));
        } else {
            o.putNull("next");
        }
        o.put("pending", node.pendingEvidence());
        return o;
    }

    private JsonNode mempoolInfo() {
        ObjectNode o = JSON.objectNode();
        o.put("size", node.mempoolSize());
        o.put("bytes", node.mempoolBytes());
        o.put("capacity", node.mempoolCapacity());
        return o;
    }

    private static RpcException rejected(RejectedException e) {
        return new RpcException(RpcException.REJECTED, e.reason(), e.detail());
    }

    private static RpcException pruned(String detail) {
        return new RpcException(RpcException.NOT_FOUND, Reason.BLOCK_PRUNED, detail);
    }

    private static RpcException notFound(String detail) {
        return new RpcException(RpcException.NOT_FOUND, Reason.NOT_FOUND, detail);
    }
}
