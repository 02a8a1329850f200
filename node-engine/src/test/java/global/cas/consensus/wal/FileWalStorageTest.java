package global.cas.consensus.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.cas.consensus.ConsensusMessage;
import global.cas.consensus.Vote;
import global.cas.consensus.VoteType;
import global.cas.crypto.Hash;
import global.cas.crypto.KeyPair;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead log's file: appends, reads, atomic replacement and reopening. */
class FileWalStorageTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    @DisplayName("a new storage creates consensus.wal empty; appends with and without sync read back in order")
    void appendAndRead() throws IOException {
        try (FileWalStorage s = new FileWalStorage(dir)) {
            assertThat(s.file()).isEqualTo(dir.resolve(FileWalStorage.FILE_NAME));
            assertThat(s.file()).exists();
            assertThat(s.size()).isZero();
            assertThat(s.readAll()).isEmpty();
            s.append(bytes("one "), false);
            s.append(new byte[0], true);
            s.append(bytes("two "), true);
            s.append(bytes("three"), false);
            assertThat(s.readAll()).isEqualTo(bytes("one two three"));
            assertThat(s.size()).isEqualTo(13);
            assertThat(Files.readAllBytes(s.file())).isEqualTo(bytes("one two three"));
        }
    }

    @Test
    @DisplayName("reopening reads what was written and appends after it")
    void reopen() throws IOException {
        try (FileWalStorage s = new FileWalStorage(dir)) {
            s.append(bytes("kept"), true);
        }
        try (FileWalStorage s = new FileWalStorage(dir)) {
            assertThat(s.readAll()).isEqualTo(bytes("kept"));
            assertThat(s.size()).isEqualTo(4);
            s.append(bytes(" more"), true);
        }
        try (FileWalStorage s = new FileWalStorage(dir)) {
            assertThat(s.readAll()).isEqualTo(bytes("kept more"));
        }
    }

    @Test
    @DisplayName("replace swaps the whole content, leaves no temporary file, and appends go after the new content")
    void replace() throws IOException {
        try (FileWalStorage s = new FileWalStorage(dir)) {
            s.append(bytes("a long old content"), true);
            s.replace(bytes("new"));
            assertThat(s.readAll()).isEqualTo(bytes("new"));
            assertThat(s.size()).isEqualTo(3);
            assertThat(dir.resolve(FileWalStorage.FILE_NAME + ".tmp")).doesNotExist();
            s.append(bytes("+1"), true);
            assertThat(s.readAll()).isEqualTo(bytes("new+1"));
            s.replace(new byte[0]);
            assertThat(s.size()).isZero();
            s.append(bytes("x"), false);
            assertThat(s.readAll()).isEqualTo(bytes("x"));
        }
        try (FileWalStorage s = new FileWalStorage(dir)) {
            assertThat(s.readAll()).isEqualTo(bytes("x"));
        }
    }

    @Test
    @DisplayName("a replace whose temporary file cannot be written fails and leaves the old content intact and"
            + " appendable")
    void replaceFailureKeepsOld() throws IOException {
        try (FileWalStorage s = new FileWalStorage(dir)) {
            s.append(bytes("old"), true);
            Path tmp = dir.resolve(FileWalStorage.FILE_NAME + ".tmp");
            Files.createDirectory(tmp); // the temporary file cannot be opened: a failure before the move
            Files.writeString(tmp.resolve("in the way"), "x");
            assertThatThrownBy(() -> s.replace(bytes("new content"))).isInstanceOf(IOException.class);
            assertThat(s.readAll()).isEqualTo(bytes("old"));
            assertThat(Files.readAllBytes(s.file())).isEqualTo(bytes("old"));
            s.append(bytes("+"), true);
            assertThat(s.readAll()).isEqualTo(bytes("old+"));
        }
    }

    @Test
    @DisplayName("a stale temporary file from a crash during replace is overwritten, not mixed in")
    void staleTemporaryFile() throws IOException {
        Files.write(dir.resolve(FileWalStorage.FILE_NAME + ".tmp"), bytes("stale and much longer than new"));
        try (FileWalStorage s = new FileWalStorage(dir)) {
            s.append(bytes("old"), true);
            s.replace(bytes("new"));
            assertThat(s.readAll()).isEqualTo(bytes("new"));
        }
    }

    @Test
    @DisplayName("C1: the write-ahead log on a file: what was signed survives a reopen; a tail cut on disk is dropped"
            + " and the file rewritten")
    void logOnFile() throws IOException {
        KeyPair key = KeyPair.fromSeed(Hash.sha256(bytes("file wal")).bytes());
        ConsensusMessage v = new ConsensusMessage.VoteMessage(
                Vote.sign(key, "cas-file-wal", VoteType.PREVOTE, 3, 0, Hash.sha256(bytes("a")), 1, 0));
        long goodEnd;
        try (FileWalStorage s = new FileWalStorage(dir)) {
            WriteAheadLog w = new WriteAheadLog(s);
            w.replay();
            w.heightStarted(3);
            w.signed(v);
            goodEnd = s.size();
            w.received(new ConsensusMessage.StatusMessage(3), true);
        }
        try (FileChannel c = FileChannel.open(dir.resolve(FileWalStorage.FILE_NAME), StandardOpenOption.WRITE)) {
            c.truncate(goodEnd + 5); // a crash in the middle of the unsynced received record
        }
        try (FileWalStorage s = new FileWalStorage(dir)) {
            WriteAheadLog.Replay r = new WriteAheadLog(s).replay();
            assertThat(r.tornTailDropped()).isTrue();
            assertThat(r.entries()).hasSize(2);
            assertThat(r.lastSigned().orElseThrow().encode()).isEqualTo(v.encode());
            assertThat(r.lastHeightStarted()).isEqualTo(3);
            assertThat(s.size()).isEqualTo(goodEnd);
            new WriteAheadLog(s).received(new ConsensusMessage.StatusMessage(4), false);
        }
        try (FileWalStorage s = new FileWalStorage(dir)) {
            WriteAheadLog.Replay r = new WriteAheadLog(s).replay();
            assertThat(r.tornTailDropped()).isFalse();
            assertThat(r.entries()).hasSize(3);
        }
    }
}
