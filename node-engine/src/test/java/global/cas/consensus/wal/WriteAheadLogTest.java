package global.cas.consensus.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.DoubleSignGuard;
import global.cas.consensus.Proposal;
import global.cas.consensus.Vote;
import global.cas.consensus.VoteType;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** C1: the consensus write-ahead log: framing, torn tails, damage, replay per height, rotation and syncs. */
class WriteAheadLogTest {
    private static final String CHAIN = "cas-wal-test";
    private static final KeyPair KEY =
            KeyPair.fromSeed(Hash.sha256("wal test validator".getBytes(StandardCharsets.US_ASCII))
                    .bytes());
    private static final Hash A = Hash.sha256("a".getBytes(StandardCharsets.US_ASCII));
    private static final Hash B = Hash.sha256("b".getBytes(StandardCharsets.US_ASCII));

    /**
     * Memory storage like a file under {@code kill -9}: what was not synced may be lost or cut on a
     * crash. Records every append with its sync flag, and every replace. (The simulation's
     * MemoryWalStorage is package-private in {@code consensus.sim}, so this is its twin here.)
     */
    static class RecordingStorage implements WalStorage {
        record Append(int length, boolean sync) {}

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Append> appends = new ArrayList<>();
        int replaces;
        int synced;

        @Override
        public byte[] readAll() {
            return bytes.toByteArray();
        }

        @Override
        public void append(byte[] b, boolean sync) {
            bytes.writeBytes(b);
            appends.add(new Append(b.length, sync));
            if (sync) {
                synced = bytes.size();
            }
        }

        @Override
        public void replace(byte[] b) {
            bytes.reset();
            bytes.writeBytes(b);
            synced = bytes.size();
            replaces++;
        }

        @Override
        public long size() {
            return bytes.size();
        }

        /** A crash that keeps what was synced and the first {@code unsyncedKept} bytes after it. */
        void crash(int unsyncedKept) {
            int kept = Math.min(bytes.size(), synced + unsyncedKept);
            setContent(Arrays.copyOf(bytes.toByteArray(), kept));
        }

        void setContent(byte[] content) {
            bytes.reset();
            bytes.writeBytes(content);
            synced = content.length;
        }
    }

    private static ConsensusMessage vote(VoteType type, long height, int round, Hash value) {
        return new ConsensusMessage.VoteMessage(Vote.sign(KEY, CHAIN, type, height, round, value, 1_000 + round, 0));
    }

    private static ConsensusMessage proposal(long height, int round, Hash value, byte[] block) {
        return new ConsensusMessage.ProposalMessage(Proposal.sign(KEY, CHAIN, height, round, value, -1, 0), block);
    }

    /** An entry as text (messages hold arrays, whose records compare by reference). */
    private static String show(WriteAheadLog.Entry e) {
        HexFormat hex = HexFormat.of();
        return switch (e) {
            case WriteAheadLog.Entry.HeightStarted h -> "start " + h.height();
            case WriteAheadLog.Entry.Signed s ->
                "signed " + hex.formatHex(s.message().encode());
            case WriteAheadLog.Entry.Received r ->
                "received " + r.valid() + " " + hex.formatHex(r.message().encode());
        };
    }

    private static List<String> show(List<WriteAheadLog.Entry> entries) {
        return entries.stream().map(WriteAheadLogTest::show).toList();
    }

    private static String started(long h) {
        return "start " + h;
    }

    private static String signed(ConsensusMessage m) {
        return "signed " + HexFormat.of().formatHex(m.encode());
    }

    private static String received(ConsensusMessage m, boolean valid) {
        return "received " + valid + " " + HexFormat.of().formatHex(m.encode());
    }

    /** A fresh log on {@code s}, replayed as the driver does before writing. */
    private static WriteAheadLog open(WalStorage s) {
        WriteAheadLog w = new WriteAheadLog(s);
        w.replay();
        return w;
    }

    /** Record boundaries of the storage's content: the offset each record starts at, then the end. */
    private static List<Integer> boundaries(byte[] all) {
        List<Integer> at = new ArrayList<>();
        int p = 0;
        while (p < all.length) {
            at.add(p);
            p += 8 + ByteBuffer.wrap(all, p, 4).getInt();
        }
        at.add(p);
        return at;
    }

    private final ConsensusMessage prop = proposal(1, 0, A, new byte[] {1, 2, 3});
    private final ConsensusMessage prevote = vote(VoteType.PREVOTE, 1, 0, A);
    private final ConsensusMessage precommit = vote(VoteType.PRECOMMIT, 1, 0, A);
    private final ConsensusMessage theirs = vote(VoteType.PREVOTE, 1, 0, B);

    /** Height 1: a start, a signed proposal, a received vote, two signed votes. */
    private RecordingStorage fiveRecords() {
        RecordingStorage s = new RecordingStorage();
        WriteAheadLog w = open(s);
        w.heightStarted(1);
        w.signed(prop);
        w.received(theirs, true);
        w.signed(prevote);
        w.signed(precommit);
        return s;
    }

    @Test
    @DisplayName("C1: every kind of entry comes back from replay, in order, with the valid flag")
    void roundTrip() {
        RecordingStorage s = new RecordingStorage();
        WriteAheadLog w = open(s);
        ConsensusMessage status = new ConsensusMessage.StatusMessage(9);
        ConsensusMessage invalid = proposal(2, 1, B, new byte[0]);
        w.heightStarted(1);
        w.signed(prop);
        w.received(theirs, true);
        w.received(invalid, false);
        w.received(status, true);
        w.signed(prevote);
        w.heightStarted(2);

        WriteAheadLog.Replay r = new WriteAheadLog(s).replay();
        assertThat(r.tornTailDropped()).isFalse();
        assertThat(show(r.entries()))
                .containsExactly(
                        started(1),
                        signed(prop),
                        received(theirs, true),
                        received(invalid, false),
                        received(status, true),
                        signed(prevote),
                        started(2));
        assertThat(r.entries().get(1))
                .isInstanceOfSatisfying(
                        WriteAheadLog.Entry.Signed.class,
                        e -> assertThat(((ConsensusMessage.ProposalMessage) e.message()).block())
                                .containsExactly(1, 2, 3));
    }

    @Test
    @DisplayName("an empty log replays to nothing: no entries, no last signed message, height 0")
    void emptyLog() {
        WriteAheadLog.Replay r = new WriteAheadLog(new RecordingStorage()).replay();
        assertThat(r.entries()).isEmpty();
        assertThat(r.tornTailDropped()).isFalse();
        assertThat(r.lastSigned()).isEmpty();
        assertThat(r.lastHeightStarted()).isZero();
        assertThat(r.ofHeight(1)).isEmpty();
    }

    @Test
    @DisplayName("C1: a last record cut anywhere is dropped and reported, the log rewritten without it;"
            + " appending after it works")
    void tornTailDropped() {
        byte[] whole = fiveRecords().readAll();
        List<Integer> at = boundaries(whole);
        int lastStart = at.get(at.size() - 2);
        for (int cut = lastStart + 1; cut < whole.length; cut++) {
            RecordingStorage s = new RecordingStorage();
            s.setContent(Arrays.copyOf(whole, cut));
            WriteAheadLog w = new WriteAheadLog(s);
            WriteAheadLog.Replay r = w.replay();
            assertThat(r.tornTailDropped()).as("cut at %d", cut).isTrue();
            assertThat(show(r.entries()))
                    .as("cut at %d", cut)
                    .containsExactly(started(1), signed(prop), received(theirs, true), signed(prevote));
            assertThat(r.lastSigned().map(ConsensusMessage::encode))
                    .as("cut at %d", cut)
                    .hasValueSatisfying(b -> assertThat(b).isEqualTo(prevote.encode()));
            assertThat(s.readAll()).as("rewritten without the torn record").isEqualTo(Arrays.copyOf(whole, lastStart));

            ConsensusMessage again = vote(VoteType.PRECOMMIT, 1, 0, Vote.NIL);
            w.signed(again);
            WriteAheadLog.Replay after = new WriteAheadLog(s).replay();
            assertThat(after.tornTailDropped()).isFalse();
            assertThat(show(after.entries()))
                    .containsExactly(started(1), signed(prop), received(theirs, true), signed(prevote), signed(again));
        }
    }

    @Test
    @DisplayName(
            "a record cut inside its 8-byte header, and a tail of zeros (a file extended before its data), are torn")
    void tornHeaderAndZeros() {
        byte[] whole = fiveRecords().readAll();
        for (int extra : new int[] {1, 4, 7}) {
            RecordingStorage s = new RecordingStorage();
            byte[] content = Arrays.copyOf(whole, whole.length + extra);
            content[whole.length] = 0;
            content[content.length - 1] = 5;
            s.setContent(content);
            WriteAheadLog.Replay r = new WriteAheadLog(s).replay();
            assertThat(r.tornTailDropped()).isTrue();
            assertThat(r.entries()).hasSize(5);
            assertThat(s.readAll()).isEqualTo(whole);
        }
        for (int zeros : new int[] {8, 9, 100}) {
            RecordingStorage s = new RecordingStorage();
            s.setContent(Arrays.copyOf(whole, whole.length + zeros));
            WriteAheadLog.Replay r = new WriteAheadLog(s).replay();
            assertThat(r.tornTailDropped()).as("%d zeros", zeros).isTrue();
            assertThat(r.entries()).hasSize(5);
            assertThat(s.readAll()).isEqualTo(whole);
        }
    }

    @Test
    @DisplayName("C1: a crash loses only what was not synced: the signed messages survive, a cut received one is"
            + " dropped")
    void crashKeepsSigned() {
        RecordingStorage s = new RecordingStorage();
        WriteAheadLog w = open(s);
        w.heightStarted(1);
        w.received(theirs, true);
        w.signed(prevote);
        w.received(theirs, true);
        int unsynced = s.bytes.size() - s.synced;
        assertThat(unsynced).isPositive();
        for (int kept = 0; kept <= unsynced; kept++) {
            RecordingStorage c = new RecordingStorage();
            c.setContent(s.readAll());
            c.synced = s.synced;
            c.crash(kept);
            WriteAheadLog.Replay r = new WriteAheadLog(c).replay();
            assertThat(r.lastSigned())
                    .map(ConsensusMessage::encode)
                    .hasValueSatisfying(b -> assertThat(b).isEqualTo(prevote.encode()));
            assertThat(r.tornTailDropped()).isEqualTo(kept != 0 && kept != unsynced);
            assertThat(r.entries()).hasSize(kept == unsynced ? 4 : 3);
        }
    }

    @Test
    @DisplayName(
            "C1: a flipped byte in the CRC or body of any record (a complete last one too) is refused as damage, and the"
                    + " log left as it is")
    void damageBeforeTheEnd() {
        byte[] whole = fiveRecords().readAll();
        List<Integer> at = boundaries(whole);
        int lastStart = at.get(at.size() - 2);
        int checked = 0;
        for (int r = 0; r + 1 < at.size(); r++) {
            for (int i = at.get(r) + 4; i < at.get(r + 1); i++) {
                byte[] damaged = whole.clone();
                damaged[i] ^= 0x01;
                RecordingStorage s = new RecordingStorage();
                s.setContent(damaged);
                int pos = i;
                assertThatThrownBy(() -> new WriteAheadLog(s).replay())
                        .as("byte %d flipped (last record starts at %d)", pos, lastStart)
                        .isInstanceOf(WriteAheadLog.DamagedLogException.class)
                        .hasMessageContaining("damaged at byte " + at.get(r));
                assertThat(s.readAll()).as("a damaged log is not rewritten").isEqualTo(damaged);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    @Test
    @DisplayName("C1: a record header claiming 2 GiB, zero or a negative length in a small log is damage, not an"
            + " allocation")
    void absurdLengths() {
        byte[] whole = fiveRecords().readAll();
        for (int length : new int[] {Integer.MAX_VALUE, 0x8000_0000, -1, 0, ConsensusMessage.MAX_BYTES + 17}) {
            for (boolean atEnd : new boolean[] {false, true}) {
                ByteBuffer b = ByteBuffer.allocate(whole.length + 12);
                if (atEnd) {
                    b.put(whole).putInt(length).putInt(0x1234_5678).putInt(7);
                } else {
                    b.putInt(length).putInt(0x1234_5678).putInt(7).put(whole);
                }
                RecordingStorage s = new RecordingStorage();
                s.setContent(b.array());
                assertThatThrownBy(() -> new WriteAheadLog(s).replay())
                        .as("length %d, at end %s", length, atEnd)
                        .isInstanceOf(WriteAheadLog.DamagedLogException.class);
            }
        }
    }

    @Test
    @DisplayName("C1: a flipped bit in the length field of an earlier record is damage, not a torn tail (bug)")
    void damagedLengthOfEarlierRecord() {
        byte[] whole = fiveRecords().readAll();
        List<Integer> at = boundaries(whole);
        for (int r = 0; r + 2 < at.size(); r++) {
            for (int lengthByte = 1; lengthByte < 4; lengthByte++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] damaged = whole.clone();
                    damaged[at.get(r) + lengthByte] ^= (byte) (1 << bit);
                    RecordingStorage s = new RecordingStorage();
                    s.setContent(damaged);
                    assertThatThrownBy(() -> new WriteAheadLog(s).replay())
                            .as("record %d, length byte %d, bit %d", r, lengthByte, bit)
                            .isInstanceOf(WriteAheadLog.DamagedLogException.class);
                }
            }
        }
    }

    @Test
    @DisplayName("C1: a flipped length bit in the first record is refused as damage: the fsynced signed votes after"
            + " it are never dropped as a torn tail")
    void damagedLengthOfFirstRecordKeepsTheLog() {
        byte[] whole = fiveRecords().readAll();
        byte[] damaged = whole.clone();
        damaged[1] ^= 0x01; // the first record (a height start, 9 bytes) now claims 65,545 bytes
        RecordingStorage s = new RecordingStorage();
        s.setContent(damaged);
        assertThatThrownBy(() -> new WriteAheadLog(s).replay()).isInstanceOf(WriteAheadLog.DamagedLogException.class);
        assertThat(s.readAll()).as("the log is left as it was").isEqualTo(damaged);
    }

    @Test
    @DisplayName("C1: ofHeight gives a height's entries from its first start, across a restart that starts it again,"
            + " to the start of another height, without markers")
    void ofHeightAcrossRestarts() {
        RecordingStorage s = new RecordingStorage();
        ConsensusMessage r1 = vote(VoteType.PREVOTE, 1, 1, A);
        ConsensusMessage v2 = vote(VoteType.PREVOTE, 2, 0, B);
        ConsensusMessage st = new ConsensusMessage.StatusMessage(2);

        WriteAheadLog w = open(s);
        w.heightStarted(1);
        w.signed(prevote);
        w.received(theirs, true);

        w = open(s); // restart in height 1
        w.heightStarted(1);
        w.received(r1, false);
        w.signed(precommit);
        w.heightStarted(2);
        w.signed(v2);

        w = open(s); // restart in height 2
        w.heightStarted(2);
        w.received(st, true);
        w.heightStarted(3);

        WriteAheadLog.Replay r = new WriteAheadLog(s).replay();
        assertThat(show(r.ofHeight(1)))
                .containsExactly(signed(prevote), received(theirs, true), received(r1, false), signed(precommit));
        assertThat(show(r.ofHeight(2))).containsExactly(signed(v2), received(st, true));
        assertThat(r.ofHeight(3)).isEmpty();
        assertThat(r.ofHeight(4)).as("never started").isEmpty();
        assertThat(r.ofHeight(0)).isEmpty();
        assertThat(r.lastHeightStarted()).isEqualTo(3);
        assertThat(r.lastSigned())
                .map(ConsensusMessage::encode)
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(v2.encode()));
    }

    @Test
    @DisplayName("lastSigned is the last signed entry, not a later received one; lastHeightStarted the last marker")
    void lastSignedAndHeight() {
        RecordingStorage s = new RecordingStorage();
        WriteAheadLog w = open(s);
        w.received(theirs, true);
        assertThat(new WriteAheadLog(s).replay().lastSigned()).isEmpty();
        assertThat(new WriteAheadLog(s).replay().lastHeightStarted()).isZero();
        w.heightStarted(5);
        w.signed(prevote);
        w.received(precommit, true);
        w.heightStarted(4); // an out-of-order marker: lastHeightStarted names the last one written
        WriteAheadLog.Replay r = new WriteAheadLog(s).replay();
        assertThat(r.lastSigned())
                .map(ConsensusMessage::encode)
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(prevote.encode()));
        assertThat(r.lastHeightStarted()).isEqualTo(4);
    }

    /** Fills height 1 past ROTATE_BYTES with received proposals, then signs {@code last}. */
    private static WriteAheadLog aboveRotation(RecordingStorage s, ConsensusMessage last) {
        WriteAheadLog w = open(s);
        w.heightStarted(1);
        w.signed(vote(VoteType.PREVOTE, 1, 0, A));
        byte[] block = new byte[1 << 20];
        while (s.size() <= WriteAheadLog.ROTATE_BYTES) {
            w.received(proposal(1, 0, A, block), true);
        }
        w.signed(last);
        w.received(proposal(1, 0, B, block), true);
        return w;
    }

    @Test
    @DisplayName("C1: above ROTATE_BYTES a new height starts a fresh log: the last signed message, then the height's"
            + " start; entries of the new height follow")
    void rotation() {
        RecordingStorage s = new RecordingStorage();
        ConsensusMessage last = vote(VoteType.PRECOMMIT, 1, 0, A);
        WriteAheadLog w = aboveRotation(s, last);
        long before = s.size();
        assertThat(s.replaces).isZero();

        w.signed(last);
        w.received(theirs, true);
        assertThat(s.replaces).as("signed and received never rotate").isZero();
        assertThat(s.size()).isGreaterThan(before);

        w.heightStarted(2);
        assertThat(s.replaces).isEqualTo(1);
        assertThat(s.size()).isLessThan(1024);
        ConsensusMessage next = vote(VoteType.PREVOTE, 2, 0, B);
        w.received(theirs, true);
        w.signed(next);

        WriteAheadLog.Replay r = new WriteAheadLog(s).replay();
        assertThat(r.tornTailDropped()).isFalse();
        assertThat(show(r.entries())).containsExactly(signed(last), started(2), received(theirs, true), signed(next));
        assertThat(show(r.ofHeight(2))).containsExactly(received(theirs, true), signed(next));
        assertThat(r.lastHeightStarted()).isEqualTo(2);
    }

    @Test
    @DisplayName("C1: rotation keeps the last signed message even when the height ends with no entry after it")
    void rotationKeepsLastSigned() {
        RecordingStorage s = new RecordingStorage();
        ConsensusMessage last = vote(VoteType.PRECOMMIT, 1, 0, A);
        WriteAheadLog w = aboveRotation(s, last);
        w.heightStarted(2);
        WriteAheadLog.Replay r = new WriteAheadLog(s).replay();
        assertThat(show(r.entries())).containsExactly(signed(last), started(2));
        assertThat(r.lastSigned())
                .map(ConsensusMessage::encode)
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(last.encode()));

        // and after a restart on a large log too: replay() restores what rotation keeps
        RecordingStorage s2 = new RecordingStorage();
        aboveRotation(s2, last);
        WriteAheadLog restarted = open(s2);
        restarted.heightStarted(2);
        assertThat(s2.replaces).isEqualTo(1);
        assertThat(show(new WriteAheadLog(s2).replay().entries())).containsExactly(signed(last), started(2));
    }

    @Test
    @DisplayName("C1: rotation happens only when a new height starts: not when the same height starts again after a"
            + " restart, nor for an older height, nor below ROTATE_BYTES")
    void rotationOnlyOnNewHeight() {
        RecordingStorage s = new RecordingStorage();
        ConsensusMessage last = vote(VoteType.PRECOMMIT, 1, 0, A);
        aboveRotation(s, last);
        long size = s.size();

        WriteAheadLog restarted = open(s);
        restarted.heightStarted(1);
        assertThat(s.replaces).isZero();
        assertThat(s.size()).isEqualTo(size + 8 + 9);
        restarted.heightStarted(0);
        assertThat(s.replaces).isZero();
        WriteAheadLog.Replay r = new WriteAheadLog(s).replay();
        assertThat(r.ofHeight(1)).as("height 1 entries all kept").hasSizeGreaterThan(5);

        RecordingStorage small = new RecordingStorage();
        WriteAheadLog w = open(small);
        w.heightStarted(1);
        w.signed(prevote);
        w.heightStarted(2);
        assertThat(small.replaces).isZero();
        assertThat(show(new WriteAheadLog(small).replay().entries()))
                .containsExactly(started(1), signed(prevote), started(2));
    }

    @Test
    @DisplayName("C1: a signed entry is appended with a sync, before signed() returns; starts and received entries"
            + " are not synced")
    void syncFlags() {
        List<String> events = new ArrayList<>();
        RecordingStorage s = new RecordingStorage() {
            @Override
            public void append(byte[] b, boolean sync) {
                super.append(b, sync);
                events.add("append sync=" + sync);
            }
        };
        WriteAheadLog w = open(s);
        w.heightStarted(1);
        w.received(theirs, true);
        events.add("before signed");
        w.signed(prevote);
        events.add("signed returned");
        w.received(theirs, false);
        assertThat(events)
                .containsExactly(
                        "append sync=false",
                        "append sync=false",
                        "before signed",
                        "append sync=true",
                        "signed returned",
                        "append sync=false");
        assertThat(s.appends.get(2).length()).isEqualTo(8 + 1 + 1 + prevote.encode().length);
    }

    @Test
    @DisplayName("C1: the log is the guard's SignedLog: the signature is durable before the guard returns it, and a"
            + " restart refuses a conflicting value")
    void guardWithLog() {
        RecordingStorage s = new RecordingStorage();
        WriteAheadLog w = open(s);
        w.heightStarted(1);
        DoubleSignGuard g = new DoubleSignGuard(KEY, CHAIN, m -> {
            w.signed(m);
            assertThat(s.synced).as("synced inside signed()").isEqualTo(s.bytes.size());
        });
        Vote v = g.signVote(VoteType.PREVOTE, 1, 0, A, 5, 0);
        w.received(theirs, true);
        s.crash(0);

        WriteAheadLog.Replay r = new WriteAheadLog(s).replay();
        DoubleSignGuard g2 = new DoubleSignGuard(KEY, CHAIN, m -> {
            throw new AssertionError("nothing new is signed");
        });
        g2.restore(r.lastSigned().orElseThrow());
        assertThat(g2.signVote(VoteType.PREVOTE, 1, 0, A, 99, 0)).isEqualTo(v);
        assertThatThrownBy(() -> g2.signVote(VoteType.PREVOTE, 1, 0, B, 5, 0))
                .isInstanceOfSatisfying(
                        DoubleSignGuard.DoubleSignRefused.class,
                        e -> assertThat(e.slotPassed()).isFalse());
    }
}
