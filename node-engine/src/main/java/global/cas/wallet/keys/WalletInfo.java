package global.cas.wallet.keys;

import global.cas.crypto.Address;
import global.cas.crypto.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public metadata of a keystore file, readable without the password: the network and the
 * accounts with their addresses (handed out, and pooled ahead). It is stored in clear but
 * sealed by the encryption (associated data), so a change is detected when the wallet is
 * unlocked. Immutable and thread-safe.
 *
 * @param network the network the addresses are written for
 * @param accounts the accounts, account {@code i} at position {@code i}
 */
public record WalletInfo(Network network, List<AccountInfo> accounts) {
    /** @throws IllegalArgumentException when the accounts are not numbered 0, 1, 2, ... in order */
    public WalletInfo {
        accounts = List.copyOf(accounts);
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i).index() != i) {
                throw new IllegalArgumentException("accounts are numbered 0, 1, 2, ... in order; position " + i
                        + " holds account " + accounts.get(i).index());
            }
        }
    }

    /** The account numbered {@code index}, if the wallet has it. */
    public Optional<AccountInfo> account(int index) {
        return index >= 0 && index < accounts.size() ? Optional.of(accounts.get(index)) : Optional.empty();
    }

    /** Every address handed out, of every account, account 0 first. */
    public List<Address> allAddresses() {
        List<Address> out = new ArrayList<>();
        for (AccountInfo a : accounts) {
            out.addAll(a.addresses());
        }
        return List.copyOf(out);
    }

    /**
     * Every address the wallet's history watches: those handed out and the pools derived ahead
     * ({@link AccountInfo#pool()}), of every account, account 0 first.
     */
    public List<Address> watchedAddresses() {
        List<Address> out = new ArrayList<>();
        for (AccountInfo a : accounts) {
            out.addAll(a.derived());
        }
        return List.copyOf(out);
    }

    WalletInfo withAccount(AccountInfo account) {
        List<AccountInfo> l = new ArrayList<>(accounts);
        if (account.index() == l.size()) {
            l.add(account);
        } else {
            l.set(account.index(), account);
        }
        return new WalletInfo(network, l);
    }
}
