package global.cas.node;

/**
 * Decides when blocks are made and by whom. The single local validator ({@link
 * SoloBlockProducer}) is the first implementation; the BFT engine replaces it. Implementations
 * call {@link ChainService#produce} or {@link ChainService#importBlock} and nothing else.
 */
public interface BlockProducer extends AutoCloseable {
    void start();

    /** Stops producing; returns once no block is being made. */
    @Override
    void close();
}
