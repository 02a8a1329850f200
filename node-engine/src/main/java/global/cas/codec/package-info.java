/**
 * The canonical binary encoding (U3): big-endian fixed-width integers, unsigned LEB128 lengths
 * that must be minimal, length-prefixed byte strings and lists in a fixed field order, no maps.
 * The same value always encodes to the same bytes, so a hash of the encoding identifies the value.
 * {@link global.cas.codec.Decoder} refuses truncated, oversize, non-minimal and trailing bytes with
 * a reason code. Depends on {@code crypto} and {@code rejection}.
 */
package global.cas.codec;
