package global.cas.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Network;
import global.cas.wallet.keys.DevnetAccounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cas wallet create|restore|addresses}: wallet files only, no node needed. */
class WalletCommandsTest {
    @TempDir
    Path dir;

    private Path passwordFile(String password) throws IOException {
        Path f = dir.resolve("pw-" + password.hashCode());
        Files.writeString(f, password + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private String[] common(String... more) {
        return CasCli.concat(new String[] {"--datadir", dir.toString()}, more);
    }

    static List<String> words(String out) {
        List<String> words = new ArrayList<>();
        for (String line : out.lines().toList()) {
            Matcher m = Pattern.compile("\\s*(\\d+)\\. (\\S+)").matcher(line);
            while (m.find()) {
                words.add(m.group(2));
            }
        }
        return words;
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "U4: a new wallet password guessed at once, given by a file, is warned about with WEAK_PASSWORD")
    void weakPasswordFromAFileIsWarnedAbout() throws IOException {
        CasCli.Result created = CasCli.run(CasCli.concat(
                new String[] {"wallet", "create"},
                common("--password-file", passwordFile("abc").toString())));
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.err()).contains("warning: WEAK_PASSWORD: ");
        CasCli.Result strong = CasCli.run(CasCli.concat(
                new String[] {"wallet", "create", "--wallet", "b.wallet"},
                common(
                        "--password-file",
                        passwordFile("lantern quietly orbit mango").toString())));
        assertThat(strong.err()).doesNotContain("WEAK_PASSWORD");
    }

    @Test
    void createWithPasswordFileShowsTwentyFourWordsThatRestoreTheSameFirstAddress() throws IOException {
        Path pw = passwordFile("correct horse");
        CasCli.Result created =
                CasCli.run(CasCli.concat(new String[] {"wallet", "create"}, common("--password-file", pw.toString())));
        assertThat(created.exitCode()).as(created.toString()).isZero();
        List<String> words = words(created.out());
        assertThat(words).hasSize(24);
        assertThat(dir.resolve("wallets/default.wallet")).exists();
        Matcher first = Pattern.compile("First address: (dcas1\\S+)").matcher(created.out());
        assertThat(first.find()).isTrue();

        CasCli.Result listed = CasCli.run(CasCli.concat(new String[] {"wallet", "addresses"}, common()));
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out().lines().toList()).containsExactly(first.group(1) + "  account 0 (Main), index 0");

        CasCli.Result restored = CasCli.run(CasCli.concat(
                new String[] {"wallet", "restore"},
                common(
                        "--wallet",
                        "copy.wallet",
                        "--password-file",
                        pw.toString(),
                        "--words",
                        String.join(" ", words))));
        assertThat(restored.exitCode()).as(restored.toString()).isZero();
        assertThat(restored.out()).contains("First address: " + first.group(1));
    }

    @Test
    void createInChineseWithAPassphraseGivesAnotherWallet() throws IOException {
        Path pw = passwordFile("pw");
        CasCli.Result created = CasCli.run(CasCli.concat(
                new String[] {"wallet", "create"},
                common("--language", "zh", "--passphrase", "extra words", "--password-file", pw.toString())));
        assertThat(created.exitCode()).as(created.toString()).isZero();
        List<String> words = words(created.out());
        assertThat(words).hasSize(24).allMatch(w -> w.codePointCount(0, w.length()) == 1);
        assertThat(created.out()).contains("mnemonic passphrase");
        String address = created.out()
                .replaceAll("(?s).*First address: (dcas1\\S+).*", "$1")
                .strip();

        CasCli.Result withoutPassphrase = CasCli.run(CasCli.concat(
                new String[] {"wallet", "restore"},
                common(
                        "--wallet",
                        "nopass.wallet",
                        "--password-file",
                        pw.toString(),
                        "--words",
                        String.join("", words))));
        assertThat(withoutPassphrase.exitCode()).isZero();
        assertThat(withoutPassphrase.out()).doesNotContain(address).contains("Chinese");
        CasCli.Result withPassphrase = CasCli.run(CasCli.concat(
                new String[] {"wallet", "restore"},
                common(
                        "--wallet",
                        "pass.wallet",
                        "--passphrase",
                        "extra words",
                        "--password-file",
                        pw.toString(),
                        "--words",
                        String.join(" ", words))));
        assertThat(withPassphrase.out()).contains(address);
    }

    @Test
    void restoreReadsTheWordsThenThePasswordFromStandardInput() {
        CasCli.Result r = CasCli.withInput(DevnetAccounts.MNEMONIC + "\nsecret\n")
                .execute(CasCli.concat(new String[] {"wallet", "restore"}, common("--password-stdin")));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String faucet0 = new DevnetAccounts().faucetKey(0).address().encode(Network.DEVNET);
        assertThat(r.out()).contains("First address: " + faucet0);

        assertThat(r.out()).contains("Its first 40 addresses are watched");

        CasCli.Result added = CasCli.withInput("secret\n")
                .execute(CasCli.concat(new String[] {"wallet", "addresses"}, common("--new", "--password-stdin")));
        assertThat(added.exitCode()).as(added.toString()).isZero();
        List<String> lines = added.out().lines().toList();
        assertThat(lines).as("20 watched since the restore, and the new one").hasSize(21);
        assertThat(lines.get(0)).isEqualTo(faucet0 + "  account 0 (Main), index 0");
        String faucet1 = new DevnetAccounts().faucetKey(1).address().encode(Network.DEVNET);
        assertThat(lines.get(1)).isEqualTo(faucet1 + "  account 0 (Main), index 1");
        assertThat(lines.get(20)).endsWith("  account 0 (Main), index 20  (new)");
    }

    @Test
    void addressesNewHandsOutAPooledAddressWithoutThePassword() throws IOException {
        Path pw = passwordFile("right");
        assertThat(CasCli.run(CasCli.concat(
                                new String[] {"wallet", "create"}, common("--password-file", pw.toString())))
                        .exitCode())
                .isZero();
        // no --password-file and no console: only a pooled address can be handed out
        CasCli.Result added = CasCli.run(CasCli.concat(new String[] {"wallet", "addresses"}, common("--new")));
        assertThat(added.exitCode()).as(added.toString()).isZero();
        List<String> lines = added.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).endsWith("  account 0 (Main), index 1  (new)");
    }

    @Test
    void aWrongPasswordAnExistingFileAndBadWordsAreOneLineErrors() throws IOException {
        Path pw = passwordFile("right");
        assertThat(CasCli.run(CasCli.concat(
                                new String[] {"wallet", "create"}, common("--password-file", pw.toString())))
                        .exitCode())
                .isZero();

        CasCli.Result again =
                CasCli.run(CasCli.concat(new String[] {"wallet", "create"}, common("--password-file", pw.toString())));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errLines()).singleElement().asString().startsWith("error: ALREADY_EXISTS: The wallet file ");

        CasCli.Result wrong = CasCli.run(CasCli.concat(
                new String[] {"wallet", "words"},
                common("--password-file", passwordFile("wrong").toString())));
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.errLines()).containsExactly("error: WRONG_PASSWORD: The wallet password is wrong.");

        CasCli.Result badWords = CasCli.run(CasCli.concat(
                new String[] {"wallet", "restore"},
                common("--wallet", "x.wallet", "--password-file", pw.toString(), "--words", "abandon abandon zzz")));
        assertThat(badWords.exitCode()).isEqualTo(1);
        assertThat(badWords.errLines())
                .singleElement()
                .asString()
                .startsWith("error: BAD_MNEMONIC: Word 3 is not in the English word list");

        CasCli.Result missing =
                CasCli.run(CasCli.concat(new String[] {"wallet", "addresses"}, common("--wallet", "none.wallet")));
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.errLines())
                .singleElement()
                .asString()
                .startsWith("error: NOT_FOUND: There is no wallet file ");

        CasCli.Result noPassword =
                CasCli.run(CasCli.concat(new String[] {"wallet", "create"}, common("--wallet", "y.wallet")));
        assertThat(noPassword.exitCode()).isEqualTo(2);
        assertThat(noPassword.errLines())
                .singleElement()
                .asString()
                .startsWith("error: USAGE: There is no terminal to ask the password on");
        assertThat(dir.resolve("wallets/y.wallet")).doesNotExist();

        CasCli.Result otherNetwork =
                CasCli.run(CasCli.concat(new String[] {"wallet", "addresses", "--network", "testnet"}, common()));
        assertThat(otherNetwork.errLines())
                .singleElement()
                .asString()
                .startsWith("error: WRONG_NETWORK: The wallet default.wallet is for devnet");
    }

    @Test
    void aWalletOfAnotherNetworkIsRefused() throws IOException {
        Path pw = passwordFile("pw");
        Path file = dir.resolve("test.wallet");
        CasCli.Result created = CasCli.run(
                "wallet",
                "create",
                "--network",
                "testnet",
                "--datadir",
                dir.toString(),
                "--wallet",
                file.toString(),
                "--password-file",
                pw.toString());
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).contains("First address: tcas1");
        CasCli.Result devnet =
                CasCli.run("wallet", "addresses", "--datadir", dir.toString(), "--wallet", file.toString());
        assertThat(devnet.exitCode()).isEqualTo(1);
        assertThat(devnet.errLines())
                .containsExactly(
                        "error: WRONG_NETWORK: The wallet test.wallet is for testnet, not devnet (use --network testnet).");
    }

    @Test
    void wordsNewAccountAndPasswordChangeWorkOnTheWalletFile() throws IOException {
        Path pw = passwordFile("first pw");
        Path next = passwordFile("second pw 新");
        CasCli.Result created =
                CasCli.run(CasCli.concat(new String[] {"wallet", "create"}, common("--password-file", pw.toString())));
        assertThat(created.exitCode()).as(created.toString()).isZero();
        List<String> original = words(created.out());

        CasCli.Result shown =
                CasCli.run(CasCli.concat(new String[] {"wallet", "words"}, common("--password-file", pw.toString())));
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(words(shown.out())).isEqualTo(original);
        assertThat(shown.err()).contains("Anyone who sees these words");
        CasCli.Result wrong =
                CasCli.run(CasCli.concat(new String[] {"wallet", "words"}, common("--password-file", next.toString())));
        assertThat(wrong.errLines()).containsExactly("error: WRONG_PASSWORD: The wallet password is wrong.");
        assertThat(wrong.out()).isEmpty();

        CasCli.Result account = CasCli.run(CasCli.concat(
                new String[] {"wallet", "new-account"}, common("--password-file", pw.toString(), "--label", "储蓄")));
        assertThat(account.exitCode()).as(account.toString()).isZero();
        Matcher added = Pattern.compile("account 1 \\(储蓄\\): (dcas1\\S+)").matcher(account.out());
        assertThat(added.find()).as(account.out()).isTrue();
        assertThat(CasCli.run(CasCli.concat(new String[] {"wallet", "addresses"}, common()))
                        .out())
                .contains(added.group(1) + "  account 1 (储蓄), index 0");
        CasCli.Result badLabel = CasCli.run(CasCli.concat(
                new String[] {"wallet", "new-account"}, common("--password-file", pw.toString(), "--label", " ")));
        assertThat(badLabel.exitCode()).isEqualTo(2);
        assertThat(badLabel.errLines()).singleElement().asString().startsWith("error: USAGE: --label: ");

        CasCli.Result changed = CasCli.run(CasCli.concat(
                new String[] {"wallet", "password"},
                common("--password-file", pw.toString(), "--new-password-file", next.toString())));
        assertThat(changed.exitCode()).as(changed.toString()).isZero();
        assertThat(CasCli.run(CasCli.concat(new String[] {"wallet", "words"}, common("--password-file", pw.toString())))
                        .errLines())
                .containsExactly("error: WRONG_PASSWORD: The wallet password is wrong.");
        CasCli.Result after =
                CasCli.run(CasCli.concat(new String[] {"wallet", "words"}, common("--password-file", next.toString())));
        assertThat(words(after.out())).as("same words under the new password").isEqualTo(original);
        assertThat(CasCli.run(CasCli.concat(new String[] {"wallet", "addresses"}, common()))
                        .out())
                .as("the accounts survive the change")
                .contains(added.group(1));
        Path empty = dir.resolve("empty-pw");
        Files.writeString(empty, "\n", StandardCharsets.UTF_8);
        CasCli.Result refused = CasCli.run(CasCli.concat(
                new String[] {"wallet", "password"},
                common("--password-file", next.toString(), "--new-password-file", empty.toString())));
        assertThat(refused.errLines()).singleElement().asString().startsWith("error: EMPTY_PASSWORD: ");
    }
}
