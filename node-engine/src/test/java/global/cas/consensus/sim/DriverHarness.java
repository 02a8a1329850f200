package global.cas.consensus.sim;

import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.Timeouts;
import global.cas.consensus.driver.ConsensusDriver;
import global.cas.consensus.driver.Scheduler;
import global.cas.consensus.wal.WriteAheadLog;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import global.cas.validators.Validator;
import global.cas.validators.ValidatorSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One driver on its own, fed messages by hand: four validators of equal power with keys derived
 * from a label, a chain at genesis, a clock that stands still and timers that never fire, and a
 * network that records what the driver sends and whom it reports. For tests of how a driver answers
 * one message, where a whole {@link Simulation} would hide it.
 */
final class DriverHarness {
    final List<KeyPair> keys = new ArrayList<>();
    final ValidatorSet validators;
    final RecordingNetwork network = new RecordingNetwork();
    final List<RecordingNetwork.Sent> sent = network.sent;
    final List<ConsensusMessage> broadcasts = network.broadcasts;
    final List<String> misbehaved = network.misbehaved;
    final ConsensusDriver driver;
    final SimChain chain;

    /**
     * @param label what the validator keys are derived from
     * @param self the validator this driver signs as, or -1 for a driver that follows
     */
    DriverHarness(String label, int self) {
        List<Validator> vs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            KeyPair k = KeyPair.fromSeed(Hash.sha256((label + " " + i).getBytes(StandardCharsets.US_ASCII))
                    .bytes());
            keys.add(k);
            vs.add(new Validator(k.publicKey(), 1));
        }
        validators = new ValidatorSet(vs);
        Scheduler idle = new Scheduler() {
            @Override
            public long now() {
                return Simulation.EPOCH;
            }

            @Override
            public void schedule(long delayMillis, Runnable task) {}
        };
        chain = new SimChain(Simulation.CHAIN, validators, 0, 1, s -> {});
        driver = new ConsensusDriver(
                Simulation.CHAIN,
                Timeouts.DEFAULT,
                chain,
                network,
                idle,
                self < 0 ? Optional.empty() : Optional.of(keys.get(self)),
                self < 0 ? Optional.empty() : Optional.of(new WriteAheadLog(new MemoryWalStorage())));
        driver.start();
    }
}
