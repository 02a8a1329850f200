package global.cas.ledger;

import global.cas.crypto.Address;
import global.cas.crypto.Hash;
import global.cas.params.Params;
import global.cas.validators.ValidatorSet;

/**
 * What every module knows of the block being executed (the state machine's {@code begin}): its
 * height, block time (C5, milliseconds), proposer, the block before it, and the validators and
 * parameters in force at this height. Immutable.
 */
public record BlockContext(
        long height, long time, Address proposer, Hash previousBlock, ValidatorSet validators, Params params) {}
