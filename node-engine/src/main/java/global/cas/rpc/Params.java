package global.cas.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.crypto.Network;
import global.cas.ledger.AssetId;
import global.cas.rejection.Reason;
import global.cas.rejection.RejectedException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parameters of one call, named (an object) or by position (an array, in the order the method
 * declares). Unknown names and surplus positions are refused, so a misspelt parameter is an error
 * rather than silently ignored. Every problem is an {@link RpcException#INVALID_PARAMS} with a
 * reason. Not thread-safe (one per call).
 */
final class Params {
    private final String method;
    private final JsonNode node;
    private final List<String> names;

    private Params(String method, JsonNode node, List<String> names) {
        this.method = method;
        this.node = node;
        this.names = names;
    }

    /** Checks the shape of {@code params} (absent, null, object or array) against the declared names. */
    static Params of(String method, JsonNode params, List<String> names) {
        if (params == null || params.isNull() || params.isMissingNode()) {
            return new Params(method, null, names);
        }
        if (params.isArray()) {
            if (params.size() > names.size()) {
                throw invalid(
                        Reason.MALFORMED,
                        method + " takes at most " + names.size() + " parameters " + names + ", got " + params.size()
                                + ".");
            }
        } else if (params.isObject()) {
            for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
                String n = it.next();
                if (!names.contains(n)) {
                    throw invalid(Reason.MALFORMED, method + " has no parameter '" + n + "'; it takes " + names + ".");
                }
            }
        } else {
            throw invalid(Reason.MALFORMED, "params must be an object or an array.");
        }
        return new Params(method, params, names);
    }

    Optional<JsonNode> get(String name) {
        if (node == null) {
            return Optional.empty();
        }
        JsonNode v = node.isArray() ? node.get(names.indexOf(name)) : node.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    JsonNode required(String name) {
        return get(name).orElseThrow(() -> invalid(Reason.MALFORMED, method + " needs the parameter '" + name + "'."));
    }

    String text(String name) {
        JsonNode v = required(name);
        if (!v.isTextual()) {
            throw invalid(Reason.MALFORMED, "'" + name + "' must be a string.");
        }
        return v.asText();
    }

    Optional<String> optionalText(String name) {
        return get(name).map(v -> {
            if (!v.isTextual()) {
                throw invalid(Reason.MALFORMED, "'" + name + "' must be a string.");
            }
            return v.asText();
        });
    }

    Optional<Boolean> optionalBoolean(String name) {
        return get(name).map(v -> {
            if (!v.isBoolean()) {
                throw invalid(Reason.MALFORMED, "'" + name + "' must be true or false.");
            }
            return v.asBoolean();
        });
    }

    /**
     * The page size a list method is asked for: {@code limit} (1 to {@code max}), or {@code
     * defaultLimit} when it is left out.
     */
    int pageLimit(int defaultLimit, int max) {
        Optional<JsonNode> v = get("limit");
        if (v.isEmpty()) {
            return defaultLimit;
        }
        JsonNode n = v.get();
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1 || n.asInt() > max) {
            throw invalid(
                    Reason.MALFORMED,
                    "'limit' must be a whole number from 1 to " + max + " (the most one page holds; the default is "
                            + defaultLimit + "); page on with the 'next' cursor.");
        }
        return n.asInt();
    }

    /** A non-negative integer given as a JSON number or as decimal digits in a string. */
    static long height(JsonNode v, String name) {
        if (v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= 0) {
            return v.asLong();
        }
        if (v.isTextual() && v.asText().matches("\\d{1,18}")) {
            return Long.parseLong(v.asText());
        }
        throw invalid(Reason.MALFORMED, "'" + name + "' must be a block height (a whole number, 0 or more).");
    }

    Address address(String name, Network network) {
        String text = text(name);
        try {
            return Address.parse(text, network);
        } catch (RejectedException e) {
            throw invalid(e.reason(), e.detail());
        } catch (RuntimeException e) {
            throw invalid(Reason.BAD_ADDRESS, "'" + text + "' is not a CAS address.");
        }
    }

    Hash hash(String name) {
        return hash(text(name), name);
    }

    static Hash hash(String text, String name) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (!t.matches("[0-9a-f]{64}")) {
            throw invalid(Reason.MALFORMED, "'" + name + "' must be a hash: 64 hex digits.");
        }
        return Hash.fromHex(t);
    }

    byte[] hex(String name) {
        String t = text(name).strip();
        try {
            return HexFormat.of().parseHex(t);
        } catch (IllegalArgumentException e) {
            throw invalid(Reason.MALFORMED, "'" + name + "' must be hex digits, two per byte.");
        }
    }

    /** {@code CAS} (any case), {@code token:<hash>} or a bare token hash. */
    AssetId asset(String name) {
        Optional<String> t = optionalText(name);
        if (t.isEmpty() || t.get().strip().equalsIgnoreCase("CAS")) {
            return AssetId.CAS;
        }
        String s = t.get().strip();
        if (s.regionMatches(true, 0, "token:", 0, 6)) {
            s = s.substring(6);
        }
        return AssetId.token(hash(s, name));
    }

    static RpcException invalid(Reason reason, String detail) {
        return new RpcException(RpcException.INVALID_PARAMS, reason, detail);
    }
}
