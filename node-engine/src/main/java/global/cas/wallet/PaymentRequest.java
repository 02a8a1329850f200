package global.cas.wallet;

import global.cas.crypto.Address;
import global.cas.crypto.Network;
import global.cas.ledger.Amounts;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A request to be paid, as a link a payer's wallet reads (in the manner of Bitcoin's BIP 21):
 * {@code cas:<address>?amount=<CAS>&message=<text>}. The address carries its network in its
 * prefix, so one scheme serves every network. The amount is decimal CAS as {@link Amounts#parse}
 * reads it; the message is UTF-8, percent-encoded. Unknown parameters are ignored unless they
 * start with {@code req-}, which marks a parameter the payer must understand: those are refused.
 */
public record PaymentRequest(Address address, OptionalLong amount, Optional<String> message) {
    public static final String SCHEME = "cas";

    /** Longest message kept, in characters. */
    public static final int MAX_MESSAGE = 200;

    public PaymentRequest {
        if (amount.isPresent() && amount.getAsLong() <= 0) {
            throw new IllegalArgumentException("a requested amount is positive");
        }
        message = message.filter(m -> !m.isBlank());
    }

    public static PaymentRequest of(Address address) {
        return new PaymentRequest(address, OptionalLong.empty(), Optional.empty());
    }

    /**
     * The link: the bare address when nothing else is asked, else the {@code cas:} URI, so a QR
     * code of a plain address stays as readable as before.
     */
    public String toText(Network network) {
        String a = address.encode(network);
        if (amount.isEmpty() && message.isEmpty()) {
            return a;
        }
        StringBuilder uri = new StringBuilder(SCHEME).append(':').append(a);
        char sep = '?';
        if (amount.isPresent()) {
            uri.append(sep).append("amount=").append(Amounts.format(amount.getAsLong()));
            sep = '&';
        }
        if (message.isPresent()) {
            uri.append(sep)
                    .append("message=")
                    .append(URLEncoder.encode(message.get(), StandardCharsets.UTF_8)
                            .replace("+", "%20"));
        }
        return uri.toString();
    }

    /** True when {@code text} looks like a {@code cas:} link rather than a bare address. */
    public static boolean isLink(String text) {
        String t = text.strip();
        return t.length() > SCHEME.length()
                && t.substring(0, SCHEME.length() + 1).toLowerCase(Locale.ROOT).equals(SCHEME + ":");
    }

    /**
     * Reads a {@code cas:} link or a bare address of {@code network}.
     *
     * @throws RejectedException {@code BAD_PAYMENT_REQUEST} for a link that does not parse, or the
     *     address's own reasons ({@code BAD_ADDRESS_CHECKSUM}, {@code WRONG_NETWORK}, ...) and the
     *     amount's ({@code MALFORMED}, {@code AMOUNT_OVERFLOW}, ...)
     */
    public static PaymentRequest parse(String text, Network network) {
        String t = text.strip();
        if (!isLink(t)) {
            return of(Address.parse(t, network));
        }
        String rest = t.substring(SCHEME.length() + 1);
        int q = rest.indexOf('?');
        Address address = Address.parse(q < 0 ? rest : rest.substring(0, q), network);
        OptionalLong amount = OptionalLong.empty();
        Optional<String> message = Optional.empty();
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw bad("'" + pair + "' is not a name=value parameter.");
                }
                String name = pair.substring(0, eq).toLowerCase(Locale.ROOT);
                String value = decode(pair.substring(eq + 1));
                switch (name) {
                    case "amount" -> {
                        if (amount.isPresent()) {
                            throw bad("The link names the amount twice.");
                        }
                        amount = OptionalLong.of(Amounts.parse(value));
                    }
                    case "message", "label" -> {
                        if (value.codePointCount(0, value.length()) > MAX_MESSAGE) {
                            throw bad("The message has more than " + MAX_MESSAGE + " characters.");
                        }
                        if (message.isEmpty()) {
                            message = Optional.of(value);
                        }
                    }
                    default -> {
                        if (name.startsWith("req-")) {
                            throw bad("The link requires '" + name + "', which this wallet does not know.");
                        }
                    }
                }
            }
        }
        return new PaymentRequest(address, amount, message);
    }

    private static String decode(String value) {
        try {
            // '+' stays a plus: links written by other tools may use it literally
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad("'" + value + "' is not correctly percent-encoded.");
        }
    }

    private static RejectedException bad(String why) {
        return new RejectedException(Reason.BAD_PAYMENT_REQUEST, why);
    }
}
