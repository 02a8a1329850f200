package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Address;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may spend the outputs of an address. An address is a {@link Key} unless the ledger state
 * registers it as a multi-member {@link Authority} (the committee reserve, G20) or a module's
 * {@link Contract} account (sale escrow, unsold supply, pools: T5, T11). Registered addresses are
 * derived from a domain string, not from a public key, so no key can sign for them.
 */
public sealed interface Owner permits Owner.Key, Owner.Authority, Owner.Contract {
    Address address();

    /** Spent with one signature of the key whose address this is (U2). */
    record Key(Address address) implements Owner {}

    /**
     * Spent only with the signatures of more than half of its current {@code members}, and only by
     * the action kinds in {@code spentBy} (G20: the reserve's two purposes are governance actions;
     * until governance exists the reserve lists none, so it cannot be spent at all).
     */
    record Authority(Address address, List<Address> members, Set<String> spentBy) implements Owner {
        public Authority {
            members = List.copyOf(new TreeSet<>(members));
            spentBy = Set.copyOf(new TreeSet<>(spentBy));
            if (members.isEmpty()) {
                throw new IllegalArgumentException("an authority has at least one member");
            }
        }

        /** True when {@code signed} members are more than half of all members (G20). */
        public boolean isMajority(int signed) {
            return 2L * signed > members.size();
        }
    }

    /** Spent only by the rules of {@code module}; no key and no plain transfer can pay into it or out of it. */
    record Contract(Address address, String module) implements Owner {}

    /** The canonical encoding of a registered owner (the ledger root covers it). */
    static void encode(Encoder e, Owner o) {
        switch (o) {
            case Key k -> e.u8(0).address(k.address());
            case Authority a -> {
                e.u8(1).address(a.address());
                e.list(a.members(), Encoder::address);
                e.list(List.copyOf(new TreeSet<>(a.spentBy())), Encoder::string);
            }
            case Contract c -> e.u8(2).address(c.address()).string(c.module());
        }
    }

    static Owner decode(Decoder d) {
        int tag = d.u8();
        return switch (tag) {
            case 0 -> new Key(d.address());
            case 1 ->
                new Authority(
                        d.address(), d.list(100_000, Decoder::address), Set.copyOf(d.list(1000, x -> x.string(64))));
            case 2 -> new Contract(d.address(), d.string(64));
            default -> throw Decoder.malformed("unknown owner kind " + tag);
        };
    }

    /** The encoding as bytes, for storage. */
    static byte[] encoded(Owner o) {
        Encoder e = new Encoder(64);
        encode(e, o);
        return e.toBytes();
    }

    static Owner decoded(byte[] bytes) {
        Decoder d = new Decoder(bytes);
        Owner o = decode(d);
        d.finish();
        return o;
    }
}
