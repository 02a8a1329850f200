package global.cas.records;

import java.util.Optional;

/**
 * One record a block set or removed: the new bytes, or empty when the record was removed.
 * Immutable (the bytes are copied in and out).
 */
public record RecordChange(RecordKey key, Optional<byte[]> value) {
    public RecordChange {
        value = value.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> value() {
        return value.map(byte[]::clone);
    }

    public boolean removed() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordChange c
                && c.key.equals(key)
                && c.value.isPresent() == value.isPresent()
                && (value.isEmpty() || java.util.Arrays.equals(c.value.get(), value.get()));
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + value.map(java.util.Arrays::hashCode).orElse(0);
    }
}
