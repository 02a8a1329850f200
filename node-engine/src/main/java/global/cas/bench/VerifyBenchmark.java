package global.cas.bench;

import global.cas.crypto.KeyPair;
import global.cas.crypto.PublicKey;
import global.cas.crypto.Signature;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/** Raw BouncyCastle Ed25519 verifications per second on {@code threads} threads. */
public final class VerifyBenchmark {
    private record Sample(PublicKey key, byte[] message, Signature signature) {}

    private VerifyBenchmark() {}

    /** Verifies pre-made signatures for {@code seconds} on every thread and returns verifications/s. */
    public static double run(int threads, double seconds) throws Exception {
        SecureRandom random = new SecureRandom();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            KeyPair k = KeyPair.random(random);
            byte[] msg = new byte[32];
            random.nextBytes(msg);
            samples.add(new Sample(k.publicKey(), msg, k.sign(msg)));
        }
        // warm up the JIT before measuring
        for (int i = 0; i < 5_000; i++) {
            Sample s = samples.get(i & 255);
            s.key().verify(s.message(), s.signature());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        try {
            List<Future<Long>> counts = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    long n = 0;
                    while (!stop.get()) {
                        Sample s = samples.get((int) (n & 255));
                        if (!s.key().verify(s.message(), s.signature())) {
                            throw new IllegalStateException("a valid signature failed to verify");
                        }
                        n++;
                    }
                    return n;
                }));
            }
            Thread.sleep((long) (seconds * 1000));
            stop.set(true);
            long total = 0;
            for (Future<Long> f : counts) {
                total += f.get();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            return total / elapsed;
        } finally {
            pool.shutdownNow();
        }
    }
}
