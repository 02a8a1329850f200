package global.cas.app.wallet;

import picocli.CommandLine.Command;

/** {@code cas wallet}: the wallet file's subcommands. */
@Command(
        name = "wallet",
        mixinStandardHelpOptions = true,
        description = "Creates, restores and reads wallet files (encrypted with the wallet password).",
        subcommands = {
            WalletCreateCommand.class,
            WalletRestoreCommand.class,
            WalletAddressesCommand.class,
            WalletAccountCommand.class,
            WalletBalanceCommand.class,
            WalletWordsCommand.class,
            WalletPasswordCommand.class
        })
public final class WalletCommand {}
