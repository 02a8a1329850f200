package global.cas.ledger;

import global.cas.codec.Decoder;
import global.cas.codec.Encoder;
import global.cas.crypto.Address;

/** An amount of one asset owned by one address (L1). The amount is base units, positive. */
public record TxOutput(Address owner, AssetId asset, long amount) {
    public void encode(Encoder e) {
        e.address(owner);
        asset.encode(e);
        e.u64(amount);
    }

    public static TxOutput decode(Decoder d) {
        return new TxOutput(d.address(), AssetId.decode(d), d.u64());
    }
}
