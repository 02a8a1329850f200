package global.cas.ui.wallet;

import global.cas.ui.i18n.Messages;
import global.cas.ui.node.SyncProgress;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

/**
 * The overview's note that the balance may lag the network: while the node connects to its network
 * or syncs blocks, the wallet has not seen them yet. Empty text otherwise, and for a node that joined
 * no network (a devnet of this computer: nothing to warn of). A view model: no controls.
 */
final class StaleBalanceNote {
    private StaleBalanceNote() {}

    /** The note for {@code sync}, followed as it and the language change; "" when none is due. */
    static StringBinding text(ObservableValue<SyncProgress.Estimate> sync, Messages messages) {
        return Bindings.createStringBinding(() -> text(sync.getValue(), messages), sync, messages.languageProperty());
    }

    static String text(SyncProgress.Estimate e, Messages messages) {
        if (e == null) {
            return "";
        }
        return switch (e.phase()) {
            case SYNCING -> messages.get("wallet.overview.stale.syncing", messages.number(e.blocksLeft()));
            case CONNECTING -> messages.get("wallet.overview.stale.connecting");
            default -> "";
        };
    }
}
