package global.cas.app.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --rpc HOST:PORT}, mixed into the commands that talk to a node ({@code status}, {@code
 * block}, {@code tx}, {@code send}, {@code wallet balance}, {@code mine}): it names the node instead
 * of the data folder's {@code rpc.port}. The data folder ({@code --datadir}) still gives the token
 * ({@code rpc.token}) and, for {@code send} and {@code wallet balance}, the wallet. Filled by
 * picocli; read by the command's thread.
 */
public final class RpcOption {
    /** The help text of {@code --rpc}: also the rule {@link NodeConnection} applies. */
    static final String HELP = "Talk to the node at this JSON-RPC address (such as 127.0.0.1:18645, [::1]:18645,"
            + " http://127.0.0.1:18645/)"
            + " instead of the one named by the data folder's rpc.port. The node must run the --network"
            + " network (devnet by default), else WRONG_NETWORK; a devnet's instance is not compared."
            + " The token is still read from the data folder's rpc.token, and --datadir still picks the wallet"
            + " folder of send and wallet balance.";

    @Option(names = "--rpc", paramLabel = "<host:port>", converter = RpcAddress.Converter.class, description = HELP)
    private RpcAddress rpc;

    /** The address given, if any. */
    public Optional<RpcAddress> address() {
        return Optional.ofNullable(rpc);
    }
}
