package global.cas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import global.cas.crypto.Bytes;
import global.cas.crypto.KeyPair;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.ledger.AssetId;
import global.cas.ledger.Transaction;
import global.cas.ledger.TxOutput;
import global.cas.ledger.UnspentOutput;
import global.cas.rejection.Reason;
import global.cas.rpc.RpcClient;
import global.cas.rpc.RpcException;
import global.cas.rpc.RpcJson;
import global.cas.wallet.TransferBuilder;
import global.cas.wallet.keys.DevnetAccounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 18, as a person meets it: two devnet data folders run two chains that say so, and a
 * payment made on one can never be taken by the other.
 */
@Timeout(120)
class DevnetPerFolderTest {
    private static final Pattern CHAIN = Pattern.compile("network    devnet \\((cas-devnet-1-[0-9a-f]{8})\\)");

    @Test
    @DisplayName("two data folders run two devnets: status names each chain and says it is this computer's only")
    void twoFoldersShowTwoChains(@TempDir Path a, @TempDir Path b) throws Exception {
        try (RunningNode nodeA = RunningNode.start(a);
                RunningNode nodeB = RunningNode.start(b)) {
            String chainA = chainOf(a);
            String chainB = chainOf(b);
            assertThat(chainA).isNotEqualTo(chainB);
            assertThat(nodeA.outSoFar()).contains("(" + chainA + ")");
            assertThat(nodeB.outSoFar())
                    .contains("(" + chainB + ")")
                    .contains("Devnet: a chain of this computer only; other computers cannot see it or pay into it.");
            try (RpcClient ra = RpcClient.forDataDir(a);
                    RpcClient rb = RpcClient.forDataDir(b)) {
                assertThat(ra.call("chain_info").get("genesisHash").asText())
                        .isNotEqualTo(rb.call("chain_info").get("genesisHash").asText());
            }
        }
    }

    @Test
    @DisplayName("L4: a transfer signed for devnet A is refused by devnet B with WRONG_CHAIN; A takes it")
    void aTransferForOneDevnetIsRefusedByAnother(@TempDir Path a, @TempDir Path b) throws Exception {
        KeyPair faucet = new DevnetAccounts().faucetKey(0);
        try (RunningNode nodeA = RunningNode.start(a);
                RunningNode nodeB = RunningNode.start(b);
                RpcClient ra = RpcClient.forDataDir(a);
                RpcClient rb = RpcClient.forDataDir(b)) {
            JsonNode infoA = ra.call("chain_info");
            List<UnspentOutput> coins = new ArrayList<>();
            for (JsonNode o : ra.call(
                            "address_outputs",
                            Map.of("address", faucet.address().encode(Network.DEVNET)))
                    .path("outputs")) {
                coins.add(RpcJson.readOutput(o, Network.DEVNET));
            }
            Transaction forA = new TransferBuilder(
                            infoA.get("chainId").asText(),
                            infoA.get("minFeePerByte").asLong())
                    .pay(
                            coins,
                            Map.of(faucet.address(), faucet),
                            List.of(new TxOutput(faucet.address(), AssetId.CAS, Amounts.cas(7))),
                            faucet.address(),
                            infoA.get("height").asLong() + 1_000);
            String raw = Bytes.hex(forA.encoded());
            assertThat(nodeA.dataDir()).isNotEqualTo(nodeB.dataDir());

            RpcException refused =
                    catchThrowableOfType(RpcException.class, () -> rb.call("tx_send", Map.of("raw", raw)));
            assertThat(refused.reasonCode()).contains(Reason.WRONG_CHAIN);
            assertThat(refused.detail()).contains(infoA.get("chainId").asText());

            assertThat(ra.call("tx_send", Map.of("raw", raw)).get("id").asText())
                    .isEqualTo(forA.id().hex());
        }
    }

    private static String chainOf(Path dataDir) {
        CasCli.Result r = CasCli.run("status", "--datadir", dataDir.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().lines())
                .contains("Devnet: a chain of this computer only; other computers cannot see it or pay into it.");
        Matcher m = CHAIN.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return m.group(1);
    }
}
