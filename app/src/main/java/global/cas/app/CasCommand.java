package global.cas.app;

import com.google.inject.Inject;
import global.cas.app.bench.BenchCommand;
import global.cas.app.chain.BlockCommand;
import global.cas.app.chain.StatusCommand;
import global.cas.app.chain.TxCommand;
import global.cas.app.cli.CliException;
import global.cas.app.cli.RpcOption;
import global.cas.app.desktop.DesktopRunner;
import global.cas.app.localnet.LocalnetCommand;
import global.cas.app.mining.MineCommand;
import global.cas.app.node.NodeCommand;
import global.cas.app.node.NodeOptions;
import global.cas.app.node.NodeRunner;
import global.cas.app.wallet.SendCommand;
import global.cas.app.wallet.WalletCommand;
import global.cas.app.wallet.WalletFileOption;
import global.cas.ui.i18n.UiLanguage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;

/**
 * {@code cas}: alone it opens the desktop window with its embedded node ({@code --headless}: the
 * node alone); its subcommands talk to a running node or to wallet files.
 */
@Command(
        name = "cas",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "CAS Wallet: a full node of the CAS chain with a wallet.",
            "Without a command, opens the desktop window with an embedded node (--headless: the node alone).",
            "Options such as --datadir, --network and --wallet may stand before or after the command."
        },
        subcommands = {
            NodeCommand.class,
            WalletCommand.class,
            SendCommand.class,
            global.cas.app.governance.GovCommand.class,
            BlockCommand.class,
            TxCommand.class,
            StatusCommand.class,
            MineCommand.class,
            BenchCommand.class,
            LocalnetCommand.class,
            HelpCommand.class
        })
public final class CasCommand implements Callable<Integer> {
    private final NodeRunner runner;
    private final DesktopRunner desktop;

    @Mixin
    private NodeOptions options;

    @Mixin
    private WalletFileOption wallet;

    /** Taken here only to be handed to the command after it ({@code cas --rpc H:P status}). */
    @Mixin
    private RpcOption rpc;

    @picocli.CommandLine.Option(
            names = "--screenshots",
            paramLabel = "<folder>",
            description =
                    "Write a PNG of every screen, in English and Chinese, into this folder, then close (docs/screenshots).")
    private java.nio.file.Path screenshots;

    @picocli.CommandLine.Option(
            names = "--screenshot-screens",
            split = ",",
            paramLabel = "<screen>",
            description = "With --screenshots: only these screens (e.g. governance,overview).")
    private java.util.List<String> screenshotScreens = new java.util.ArrayList<>();

    @picocli.CommandLine.Option(
            names = "--password-file",
            paramLabel = "<file>",
            description =
                    "Open the wallet with the password on the first line of this file (for scripts and --screenshots).")
    private java.nio.file.Path passwordFile;

    @Inject
    CasCommand(NodeRunner runner, DesktopRunner desktop) {
        this.runner = runner;
        this.desktop = desktop;
    }

    /** The desktop window with its embedded node, or with {@code --headless} the node alone. */
    @Override
    public Integer call() {
        if (rpc.address().isPresent()) {
            throw CliException.usage(
                    "--rpc names the node of status, block, tx, send, wallet balance or mine; the window and"
                            + " --headless run their own node (choose its port with --rpc-port).");
        }
        if (options.headless()) {
            return runner.run(options.settings());
        }
        return desktop.run(
                options.settings(),
                wallet.path(options.settings().dataDir()),
                options.lang()
                        .map(l -> l == NodeOptions.UiLanguage.ZH ? UiLanguage.CHINESE_SIMPLIFIED : UiLanguage.ENGLISH),
                java.util.Optional.ofNullable(screenshots)
                        .map(dir -> new global.cas.app.desktop.Screenshots(dir, screenshotScreens)),
                java.util.Optional.ofNullable(passwordFile).map(global.cas.app.cli.PasswordOptions::fromFile));
    }
}
