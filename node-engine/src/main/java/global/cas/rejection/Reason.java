package global.cas.rejection;

/**
 * Why something was rejected. The constant's name is the stable reason code shown by the RPC and
 * the command line; {@link #sentence()} is the default English explanation.
 */
public enum Reason {
    MALFORMED("The bytes do not decode as a CAS object."),
    TRUNCATED("The data ends before the object is complete."),
    OVERSIZE("The object is larger than the protocol allows."),
    BAD_SIGNATURE("A signature does not verify against the owner's key."),
    MISSING_SIGNATURE("An input's owner did not sign the transaction."),
    UNKNOWN_OUTPUT("An input names an output that does not exist or is already spent."),
    DOUBLE_SPEND("An output is spent twice."),
    AMOUNT_OVERFLOW("An amount or a sum of amounts exceeds the largest representable value."),
    NON_POSITIVE_AMOUNT("Every amount must be greater than zero."),
    UNBALANCED("Inputs do not equal outputs plus fee for every asset."),
    FEE_BELOW_MINIMUM("The fee is below the minimum fee per byte."),
    WRONG_CHAIN("The transaction was made for another chain."),
    EXPIRED("The transaction's expiry height has passed."),
    PROOF_ABOVE_TARGET("The mining proof's hash is not below the current target."),
    STALE_PROOF("The mining proof is not for the next block."),
    DUPLICATE_PROOF("This block already holds a mining proof."),
    DUPLICATE_TRANSACTION("This transaction is already known."),
    MEMPOOL_FULL("The mempool is full and this transaction does not pay more than the cheapest one held."),
    BAD_ADDRESS("The address is not a valid CAS address."),
    BAD_ADDRESS_CHECKSUM("The address has a typo: its checksum does not match."),
    WRONG_NETWORK("The address belongs to another network."),
    BAD_PAYMENT_REQUEST("The payment request is not a valid cas: link."),
    BAD_BLOCK_HEIGHT("The block does not follow the current tip."),
    BAD_PREVIOUS_HASH("The block does not link to the current tip."),
    BAD_BLOCK_TIME("The block time does not grow."),
    BAD_TRANSACTIONS_ROOT("The block's transactions root does not match its transactions."),
    BAD_STATE_ROOT("The block's state root does not match the state after it."),
    BAD_PROPOSER("The block was not proposed by a validator."),
    BAD_COMMIT("The block's commit does not hold valid precommits of more than two thirds of the voting power."),
    BAD_HEADER("The block names other validators, parameters or evidence than the chain has at its height."),
    BAD_EVIDENCE("The block carries evidence of a double sign that does not hold: it must be two different votes of"
            + " one kind, height and round, both signed by one validator of that height, and not too old."),
    DUPLICATE_EVIDENCE("This double sign is already recorded on the chain."),
    UNSPENDABLE_OUTPUT("An input names a coloured (consumed) output, which is never spendable."),
    CONTRACT_ACCOUNT("Only the rules of its module may pay into or out of a contract account."),
    AUTHORITY_POLICY("This multi-member account may not be spent by this kind of transaction."),
    FEE_ABOVE_REWARD("The mining proof's fee is more than the miner's reward it is paid from."),
    CHAIN_FORMAT_OLD(
            "The chain data in the data folder were written by an older version in a block format this version no longer reads."),
    INSUFFICIENT_FUNDS("The wallet does not hold enough to pay the amount and the fee."),
    WRONG_PASSWORD("The password is wrong."),
    WEAK_PASSWORD("The password is too easy to guess: use a longer one, e.g. four unrelated words."),
    WALLET_DATA_DAMAGED(
            "The wallet's data file (labels, address book, history) is damaged or belongs to another wallet; it was left as it is."),
    WALLET_LOCKED("The wallet is locked: it opens with its password."),
    BAD_MNEMONIC("The recovery words are not valid."),
    NOT_FOUND("Nothing with that identifier is known."),
    BLOCK_PRUNED("This node pruned that block's transactions; its header, its commit and the chain's state are kept."),
    UNAUTHORIZED("The request did not carry the right RPC token."),
    NODE_NOT_RUNNING("No node answers on this data folder: start it first."),
    ALREADY_OPEN("Another CAS Wallet already has this data folder open."),
    ALREADY_EXISTS("A file with that name already exists and is kept as it is."),
    PASSWORD_MISMATCH("The two passwords are not the same."),
    EMPTY_PASSWORD("The wallet password must not be empty."),
    NODE_START_FAILED("The node could not start; the log file says why."),
    PORT_IN_USE("The RPC port is taken by another program."),
    IO_ERROR("A file could not be read or written."),
    TIMEOUT("The node did not answer in time."),
    USAGE("The command line is not valid."),
    NO_DISPLAY("There is no display to open the window on."),
    CHAIN_DATA_DAMAGED("The chain data in the data folder is damaged: restore the data folder from a backup, or move"
            + " it aside and start again to make a new one."),
    CHAIN_DATA_BEHIND("The chain data in the data folder is older than the last block this node committed, so part"
            + " of it was lost: restore the data folder from a backup, or move it aside and start again."),
    BAD_PEER_ADDRESS("A peer's address is host:port, such as 192.168.1.20:26656, with a port from 1 to 65535."),
    PEER_LIST_FULL("The list of peers to keep connected is full; remove one first."),
    PEER_LIST_DAMAGED("The saved list of peers to keep connected is damaged: fix or delete the file it names."),
    BELOW_CANDIDACY_MINIMUM("The address holds less than the 10,000 CAS a candidate or committee member must hold."),
    OUTSIDE_WINDOW("This declaration or vote is outside the window in which it is accepted."),
    ALREADY_CANDIDATE("The address has already declared candidacy in this election."),
    NOT_CANDIDATE("The address is not a standing candidate in this election."),
    UNKNOWN_PROPOSAL("No such proposal exists on the chain."),
    REFERENDUM_PERIOD("A referendum lasts between 7 and 30 days."),
    NOTHING_TO_WITHDRAW("There is no vote or candidacy of this address to withdraw."),
    SINGLE_SIGNER("A governance action is signed by exactly one address, the one that acts."),
    NOT_MEMBER("Only a seated committee member may take this action."),
    RESERVE_PURPOSE("The committee reserve pays only the infrastructure's operating costs or liquidity a token's issuer"
            + " asked for."),
    RESERVE_CAS_ONLY("The committee reserve holds only CAS: no token may be sent to it."),
    RESERVE_SHORT("The committee reserve does not hold the amount this spend asks for."),
    SEAT_AT_RISK("The transfer would take an address below the 10,000 CAS its committee seat or candidacy needs."),
    INTERNAL_ERROR("Something went wrong inside CAS Wallet; the log file has the details.");

    private final String sentence;

    Reason(String sentence) {
        this.sentence = sentence;
    }

    /** The default English explanation of this code. */
    public String sentence() {
        return sentence;
    }
}
