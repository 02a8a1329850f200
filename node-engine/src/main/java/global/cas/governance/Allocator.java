package global.cas.governance;

import global.cas.crypto.Address;
import java.util.function.ObjLongConsumer;

/**
 * How a voter's choice spreads its weight over a tally's options: a referendum vote or a proposal
 * support gives all of it to one option; an election ballot splits it (G5). It must be
 * deterministic and never give out more than the weight, and its work is the size of the choice.
 *
 * @param <C> the choice a voter makes
 * @param <O> the options the tally counts
 */
@FunctionalInterface
public interface Allocator<C, O> {
    /** Gives each option its part of {@code weight} for {@code choice}. */
    void allocate(C choice, long weight, ObjLongConsumer<O> sink);

    /** The whole weight to the chosen option itself: referendums ({@link Vote}) and support. */
    static <O> Allocator<O, O> single() {
        return (choice, weight, sink) -> sink.accept(choice, weight);
    }

    /** An election ballot: each candidate its {@link BallotSplit#votes} (G5). */
    static Allocator<BallotSplit, Address> election() {
        return (split, weight, sink) -> {
            long[] votes = split.votes(weight);
            for (int i = 0; i < votes.length; i++) {
                sink.accept(split.shares().get(i).candidate(), votes[i]);
            }
        };
    }
}
