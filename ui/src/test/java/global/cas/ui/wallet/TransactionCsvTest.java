package global.cas.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import global.cas.crypto.Hash;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.testing.TestKeys;
import global.cas.wallet.WalletEntry;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionCsvTest {
    @TempDir
    Path dir;

    private static final Hash RENT = Hash.sha256("rent".getBytes(StandardCharsets.UTF_8));
    private static final Hash SALARY = Hash.sha256("salary".getBytes(StandardCharsets.UTF_8));

    private static TransactionCsv chinese() {
        Map<WalletEntry.Kind, String> kinds = new EnumMap<>(WalletEntry.Kind.class);
        kinds.put(WalletEntry.Kind.SENT, "付款");
        kinds.put(WalletEntry.Kind.RECEIVED, "收款");
        return new TransactionCsv(
                List.of("时间", "类型", "金额（CAS）", "手续费（CAS）", "对方地址", "标签", "区块", "交易 ID"),
                kinds,
                Network.DEVNET,
                ZoneOffset.UTC);
    }

    private static List<WalletEntry> entries() {
        return List.of(
                new WalletEntry(
                        RENT,
                        7,
                        1_764_028_800_000L,
                        WalletEntry.Kind.SENT,
                        -Amounts.parse("12.5") - 2260,
                        2260,
                        List.of(TestKeys.key(3).address())),
                new WalletEntry(
                        SALARY, 3, 1_764_028_000_000L, WalletEntry.Kind.RECEIVED, Amounts.cas(100), 0, List.of()));
    }

    @Test
    @DisplayName("the exported file starts with the UTF-8 byte order mark, and Chinese text reads back unchanged")
    void bomAndChinese() throws Exception {
        Path file = dir.resolve("交易记录.csv");
        chinese().write(entries(), Map.of(RENT, "房租，三月"), file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.charAt(0)).isEqualTo(TransactionCsv.BOM);
        List<String> lines = text.substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("时间,类型,金额（CAS）,手续费（CAS）,对方地址,标签,区块,交易 ID");
        assertThat(lines.get(1))
                .isEqualTo("2025-11-25 00:00:00,付款,-12.5000226,0.0000226,"
                        + TestKeys.key(3).address().encode(Network.DEVNET) + ",房租，三月,7," + RENT.hex());
        assertThat(lines.get(2)).startsWith("2025-11-24 23:46:40,收款,100,0,,,3,");
        assertThat(text).contains("\r\n");
    }

    @Test
    @DisplayName(
            "cells with commas, quotes or line breaks are quoted, and a label a spreadsheet would run as a formula is defused")
    void quoting() throws Exception {
        StringWriter out = new StringWriter();
        chinese().write(entries().subList(0, 1), Map.of(RENT, "=HYPERLINK(\"x\"), rent"), out);
        assertThat(out.toString()).contains(",\"'=HYPERLINK(\"\"x\"\"), rent\",");
        assertThat(TransactionCsv.quote("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(TransactionCsv.quote("plain")).isEqualTo("plain");
    }
}
