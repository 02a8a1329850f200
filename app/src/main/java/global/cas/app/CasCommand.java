package global.cas.app;

import com.google.inject.Inject;
import global.cas.app.bench.BenchCommand;
import global.cas.app.chain.BlockCommand;
import global.cas.app.chain.StatusCommand;
import global.cas.app.chain.TxCommand;
import global.cas.app.mining.MineCommand;
import global.cas.app.node.NodeCommand;
import global.cas.app.node.NodeOptions;
import global.cas.app.node.NodeRunner;
import global.cas.app.wallet.SendCommand;
import global.cas.app.wallet.WalletCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;

/**
 * {@code cas}: alone it starts the node (later the desktop window, hence {@code --headless} and
 * {@code --lang}); its subcommands talk to a running node or to wallet files.
 */
@Command(
    name = "cas",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"CAS Wallet: a full node of the CAS chain with a wallet.", "Without a command, starts the node."},
    subcommands = {
      NodeCommand.class,
      WalletCommand.class,
      SendCommand.class,
      BlockCommand.class,
      TxCommand.class,
      StatusCommand.class,
      MineCommand.class,
      BenchCommand.class,
      HelpCommand.class
    })
public final class CasCommand implements Callable<Integer> {
  private final NodeRunner runner;

  @Mixin private NodeOptions options;

  @Inject
  CasCommand(NodeRunner runner) {
    this.runner = runner;
  }

  @Override
  public Integer call() {
    return runner.run(options.settings());
  }
}
