package global.cas.mining;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.ledger.MiningProof;
import global.cas.node.query.MiningWork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Searches for mining proofs (S5) on {@code threads} daemon threads: each worker hashes nonces
 * from its own random start with {@link MiningProof#workHash} until one {@link MiningProof#meets}
 * the target, in batches, checking between batches whether the work changed. The first proof for
 * a piece of work ends the search for it (a block takes one proof); the workers then idle until
 * {@link #setWork} gives new work. Found proofs wait in a queue for {@link #nextProof}.
 *
 * <p>Thread-safe: {@link #setWork}, {@link #nextProof} and {@link #close} may be called from any
 * thread.
 */
public final class CpuMiner implements AutoCloseable {
    private static final int BATCH = 4096;
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** One piece of work; {@code solved} flips once, when its first proof is queued. */
    private static final class Job {
        final MiningWork work;
        volatile boolean solved;

        Job(MiningWork work) {
            this.work = work;
        }
    }

    private final Address miner;
    private final List<Thread> workers = new ArrayList<>();
    private final BlockingQueue<global.cas.ledger.Transaction> found = new LinkedBlockingQueue<>();
    private final LongAdder hashes = new LongAdder();
    private volatile Job current;
    private volatile boolean closed;

    /** Starts {@code threads} idle workers that mine for {@code miner}. */
    public CpuMiner(int threads, Address miner) {
        if (threads < 1) {
            throw new IllegalArgumentException("a miner needs at least one thread");
        }
        this.miner = miner;
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::work, "cas-miner-" + i);
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            workers.add(t);
            t.start();
        }
    }

    /** Replaces the work being searched (does nothing when it is the same work). */
    public void setWork(MiningWork work) {
        Job j = current;
        if (j == null || !j.work.equals(work)) {
            current = new Job(work);
        }
    }

    /** The next proof found, waiting at most {@code timeout}. */
    public Optional<global.cas.ledger.Transaction> nextProof(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(found.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Hashes computed so far, by all threads. */
    public long hashes() {
        return hashes.sum();
    }

    /**
     * Hashes {@code count} nonces from {@code start} (wrapping around) and returns the first that
     * meets {@code work}'s target.
     */
    public static OptionalLong search(MiningWork work, Address miner, long start, long count) {
        Hash previous = work.previousBlock();
        long target = work.target();
        long nonce = start;
        for (long i = 0; i < count; i++, nonce++) {
            if (MiningProof.meets(MiningProof.workHash(previous, miner, nonce), target)) {
                return OptionalLong.of(nonce);
            }
        }
        return OptionalLong.empty();
    }

    private void work() {
        Job seen = null;
        long nonce = 0;
        while (!closed) {
            Job job = current;
            if (job == null || job.solved) {
                LockSupport.parkNanos(IDLE_NANOS);
                continue;
            }
            if (job != seen) {
                seen = job;
                nonce = ThreadLocalRandom.current().nextLong();
            }
            OptionalLong hit = search(job.work, miner, nonce, BATCH);
            hashes.add(BATCH);
            nonce += BATCH;
            if (hit.isPresent()) {
                solved(job, hit.getAsLong());
            }
        }
    }

    private synchronized void solved(Job job, long nonce) {
        if (job.solved || job != current) {
            return;
        }
        job.solved = true;
        MiningWork w = job.work;
        found.add(MiningProof.transaction(w.chainId(), w.height(), w.previousBlock(), miner, nonce, w.proofFee()));
    }

    /** Stops the workers (they finish their batch). Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Thread t : workers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
