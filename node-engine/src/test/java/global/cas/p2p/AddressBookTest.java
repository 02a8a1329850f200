package global.cas.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressBookTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("saved addresses load back, most recently seen first")
    void saveLoad() throws Exception {
        AddressBook book = AddressBook.load(dir, 10);
        book.add(new InetSocketAddress("10.0.0.1", 26656), Instant.ofEpochSecond(100));
        book.add(new InetSocketAddress("::1", 7000), Instant.ofEpochSecond(200));
        book.save();
        assertThat(Files.readString(dir.resolve(AddressBook.FILE_NAME))).contains("10.0.0.1");
        AddressBook again = AddressBook.load(dir, 10);
        assertThat(again.addresses())
                .containsExactly(new InetSocketAddress("::1", 7000), new InetSocketAddress("10.0.0.1", 26656));
    }

    @Test
    @DisplayName("a damaged file: the book starts empty and the file is kept as peers.json.damaged")
    void damaged() throws Exception {
        Files.writeString(dir.resolve(AddressBook.FILE_NAME), "{\"format\":1,\"peers\":[{\"host\":\"10.0.");
        AddressBook book = AddressBook.load(dir, 10);
        assertThat(book.size()).isZero();
        assertThat(dir.resolve("peers.json.damaged")).exists();
        assertThat(dir.resolve(AddressBook.FILE_NAME)).doesNotExist();
        book.add(new InetSocketAddress("10.0.0.2", 1), Instant.EPOCH);
        book.save();
        assertThat(AddressBook.load(dir, 10).size()).isEqualTo(1);
    }

    @Test
    @DisplayName("a host name instead of an IP literal, or a bad port, is damage: never resolved")
    void hostNamesAreDamage() throws Exception {
        Files.writeString(
                dir.resolve(AddressBook.FILE_NAME),
                "{\"format\":1,\"peers\":[{\"host\":\"evil.example\",\"port\":1,\"lastSeen\":0}]}");
        assertThat(AddressBook.load(dir, 10).size()).isZero();
        Files.writeString(
                dir.resolve(AddressBook.FILE_NAME),
                "{\"format\":1,\"peers\":[{\"host\":\"10.0.0.1\",\"port\":70000,\"lastSeen\":0}]}");
        assertThat(AddressBook.load(dir, 10).size()).isZero();
    }

    @Test
    @DisplayName("bounded: a new address pushes out the one seen longest ago; wildcard and port 0 are not kept")
    void bounded() {
        AddressBook book = AddressBook.load(dir, 3);
        for (int i = 1; i <= 5; i++) {
            book.add(new InetSocketAddress("10.0.0." + i, 1000), Instant.ofEpochSecond(i));
        }
        assertThat(book.size()).isEqualTo(3);
        assertThat(book.addresses()).doesNotContain(new InetSocketAddress("10.0.0.1", 1000));
        assertThat(book.add(new InetSocketAddress("0.0.0.0", 1000), Instant.now()))
                .isFalse();
        assertThat(book.add(new InetSocketAddress("10.0.0.9", 0), Instant.now()))
                .isFalse();
        assertThat(book.sample(10, new java.util.Random(1))).hasSize(3);
    }
}
