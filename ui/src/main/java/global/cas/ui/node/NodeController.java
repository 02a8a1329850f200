package global.cas.ui.node;

import global.cas.crypto.Address;
import global.cas.ledger.Amounts;
import global.cas.node.query.NetworkSummary;
import global.cas.rejection.RejectedException;
import global.cas.ui.i18n.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** The node screen: chain state, sync, and the CPU mining panel. Thin: the models hold the state. */
public final class NodeController {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final NodeModel node;
    private final MiningModel mining;
    private final Messages messages;

    @FXML
    private Label chain;

    @FXML
    private Label height;

    @FXML
    private Label lastBlock;

    @FXML
    private Label blockRate;

    @FXML
    private Label mempool;

    @FXML
    private Label peers;

    @FXML
    private Label dataDir;

    @FXML
    private Label consensus;

    @FXML
    private Label consensusDetail;

    @FXML
    private TableView<NetworkSummary.Peer> peerTable;

    @FXML
    private TableColumn<NetworkSummary.Peer, String> colPeerId;

    @FXML
    private TableColumn<NetworkSummary.Peer, String> colPeerAddress;

    @FXML
    private TableColumn<NetworkSummary.Peer, String> colPeerRole;

    @FXML
    private TableColumn<NetworkSummary.Peer, String> colPeerHeight;

    @FXML
    private TableColumn<NetworkSummary.Peer, String> colPeerSince;

    @FXML
    private TableColumn<NetworkSummary.Peer, String> colPeerPing;

    @FXML
    private TableColumn<NetworkSummary.Peer, String> colPeerBytes;

    @FXML
    private ProgressBar syncBar;

    @FXML
    private Label syncText;

    @FXML
    private TextField mineAddress;

    @FXML
    private Label mineAddressError;

    @FXML
    private Spinner<Integer> threads;

    @FXML
    private Label hashRate;

    @FXML
    private Label proofs;

    @FXML
    private Label blocksMined;

    @FXML
    private Label rewards;

    @FXML
    private Button startMining;

    @FXML
    private Button stopMining;

    public NodeController(NodeModel node, MiningModel mining, Messages messages) {
        this.node = node;
        this.mining = mining;
        this.messages = messages;
    }

    @FXML
    void initialize() {
        mineAddressError.managedProperty().bind(mineAddressError.textProperty().isNotEmpty());
        chain.textProperty().bind(node.chainIdProperty());
        height.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> node.heightProperty().get() < 0
                                ? "…"
                                : messages.number(node.heightProperty().get()),
                        node.heightProperty()));
        lastBlock
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> node.lastBlockTimeProperty().get() == 0
                                ? messages.get("node.never")
                                : TIME.format(Instant.ofEpochMilli(
                                        node.lastBlockTimeProperty().get())),
                        node.lastBlockTimeProperty()));
        blockRate
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get(
                                "node.blockRate.value",
                                node.blocksPerMinuteProperty().get()),
                        node.blocksPerMinuteProperty()));
        mempool.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get(
                                "node.mempool.value", node.mempoolSizeProperty().get()),
                        node.mempoolSizeProperty()));
        peers.textProperty().bind(Bindings.createStringBinding(this::peersSentence, node.networkProperty()));
        colPeerId.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().nodeId().substring(0, 12)));
        // the address with who dialled: one column, so the table fits the window beside the ping
        colPeerAddress.setCellValueFactory(c -> new ReadOnlyStringWrapper(messages.get(
                c.getValue().inbound() ? "node.peer.addressInbound" : "node.peer.addressOutbound",
                c.getValue().address())));
        colPeerRole.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().validator().isPresent()
                        ? messages.get(
                                "node.peer.validator", c.getValue().validator().getAsInt())
                        : messages.get("node.peer.noVotes")));
        colPeerHeight.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().height().isPresent()
                        ? messages.get(
                                "node.peer.heightValue", c.getValue().height().getAsLong())
                        : messages.get("node.peer.heightUnknown")));
        colPeerPing.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().pingMicros().isPresent()
                        ? messages.get(
                                "node.peer.pingValue",
                                PingText.millis(c.getValue().pingMicros().getAsLong()))
                        : messages.get("node.peer.pingUnknown")));
        colPeerSince.setCellValueFactory(c -> new ReadOnlyStringWrapper(SyncText.duration(
                messages, Math.max(0, System.currentTimeMillis() - c.getValue().connectedSinceMillis()))));
        colPeerBytes.setCellValueFactory(c -> new ReadOnlyStringWrapper(messages.get(
                "node.peer.bytesValue",
                ByteText.of(c.getValue().bytesIn()),
                ByteText.of(c.getValue().bytesOut()))));
        node.networkProperty()
                .addListener((o, before, now) -> peerTable.getItems().setAll(now.peerList()));
        peerTable.getItems().setAll(node.networkProperty().get().peerList());
        consensus.textProperty().bind(Bindings.createStringBinding(this::consensusSentence, node.networkProperty()));
        consensusDetail
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> node.networkProperty()
                                .get()
                                .consensus()
                                .flatMap(c -> c.halted())
                                .map(d -> messages.get("node.consensus.haltDetail", d))
                                .orElse(""),
                        node.networkProperty()));
        consensusDetail.visibleProperty().bind(consensusDetail.textProperty().isNotEmpty());
        consensusDetail.managedProperty().bind(consensusDetail.visibleProperty());
        dataDir.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> node.dataDirProperty().get() == null
                                ? ""
                                : node.dataDirProperty().get().toString(),
                        node.dataDirProperty()));
        syncText.textProperty()
                .bind(Bindings.createStringBinding(
                        this::syncSentence,
                        node.readyProperty(),
                        node.heightProperty(),
                        node.failureProperty(),
                        node.validatorProperty(),
                        node.syncProperty()));
        syncBar.progressProperty()
                .bind(Bindings.createDoubleBinding(this::syncFraction, node.readyProperty(), node.syncProperty()));

        threads.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                1, Math.max(1, Runtime.getRuntime().availableProcessors()), 1));
        hashRate.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get(
                                "mining.hashRate.value",
                                mining.hashesPerSecondProperty().get()),
                        mining.hashesPerSecondProperty()));
        proofs.textProperty().bind(mining.proofsFoundProperty().asString());
        blocksMined.textProperty().bind(mining.blocksMinedProperty().asString());
        rewards.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> messages.get(
                                "mining.rewards.value",
                                Amounts.formatGrouped(
                                        mining.rewardsEarnedProperty().get())),
                        mining.rewardsEarnedProperty()));
        startMining
                .disableProperty()
                .bind(mining.runningProperty().or(node.readyProperty().not()));
        stopMining.disableProperty().bind(mining.runningProperty().not());
        mineAddress.textProperty().addListener((o, a, b) -> mineAddressError.setText(""));
    }

    private String syncSentence() {
        if (node.failureProperty().get() != null) {
            return messages.get("node.sync.failed", node.failureProperty().get());
        }
        if (!node.readyProperty().get()) {
            return messages.get("node.sync.starting");
        }
        var networked = SyncText.sentence(messages, node.syncProperty().get());
        if (networked.isPresent()) {
            return networked.get();
        }
        return node.validatorProperty().get()
                ? messages.get("node.sync.validator")
                : messages.get("node.sync.alone", node.heightProperty().get());
    }

    /** The bar: indeterminate while starting or connecting, the share of blocks had while syncing. */
    private double syncFraction() {
        if (!node.readyProperty().get()) {
            return -1.0;
        }
        var e = node.syncProperty().get();
        return switch (e.phase()) {
            case CONNECTING -> -1.0;
            case SYNCING -> {
                long had = Math.max(0, node.heightProperty().get());
                yield (double) had / (double) (had + e.blocksLeft()); // display only, never money
            }
            default -> 1.0;
        };
    }

    private String peersSentence() {
        var n = node.networkProperty().get();
        if (!n.joined()) {
            return messages.get("node.peers.none");
        }
        return messages.get("node.peers.value", n.peers(), n.listenAddress().orElse("-"));
    }

    private String consensusSentence() {
        var c = node.networkProperty().get().consensus();
        if (c.isEmpty()) {
            return messages.get("node.consensus.none");
        }
        var s = c.get();
        if (s.halted().isPresent()) {
            // the cause in the person's language; the English detail (hashes, heights) on the line beneath and in the
            // log
            String cause = s.haltCause()
                    .map(h -> messages.get("node.halt." + h.name()))
                    .orElse(s.halted().get());
            return messages.get("node.consensus.halted", s.height(), cause);
        }
        if (s.validatorIndex() < 0) {
            return messages.get("node.consensus.following", s.height(), s.round());
        }
        if (!s.signing()) {
            return messages.get("node.consensus.sittingOut", s.validatorIndex() + 1, s.height());
        }
        return messages.get(
                "node.consensus.validator",
                s.validatorIndex() + 1,
                s.height(),
                s.round(),
                messages.get("node.step." + s.step().name()),
                s.missedBlocks(),
                s.decided());
    }

    /** Prefills the reward address, e.g. with the wallet's receiving address. */
    public void suggestAddress(String address) {
        if (mineAddress.getText().isBlank()) {
            mineAddress.setText(address);
        }
    }

    @FXML
    void startMining() {
        try {
            var network = node.access().ready().getNow(null).tipSummary().network();
            Address a = Address.parse(mineAddress.getText(), network);
            mining.start(threads.getValue(), a);
        } catch (RejectedException e) {
            mineAddressError.setText(messages.reason(e.reason()));
        }
    }

    @FXML
    void stopMining() {
        mining.stop();
    }
}
