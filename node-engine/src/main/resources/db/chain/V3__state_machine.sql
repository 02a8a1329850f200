-- The state machine (issue 7): commits (C3), module state versioned by height (parameters and
-- validators), registered owners (authorities, contract accounts), coloured outputs (L3), the
-- ledger module's root beside the tip, and the block format the rows were written in.

-- The block format of this database's rows. A database of the first format (headers without the
-- commit, validator and parameter hashes) gets version 1 here and is refused by this version
-- (CHAIN_FORMAT_OLD); a new database gets its row when genesis is written.
CREATE TABLE chain_format (
  id      TINYINT NOT NULL PRIMARY KEY CHECK (id = 0),
  version INT     NOT NULL
);
INSERT INTO chain_format (id, version) SELECT 0, 1 FROM blocks WHERE height = 0;

-- One commit per block: the precommits of more than 2/3 of the voting power for it (C3); the next
-- block carries it as its last commit. Height 0 holds genesis's commit, which has no precommits.
CREATE TABLE commits (
  height BIGINT          NOT NULL PRIMARY KEY,
  bytes  VARBINARY(1048576) NOT NULL  -- Commit encoding
);

-- Every version of the changeable parameters and of the validator set, by the height from which it
-- applies (written at genesis and by a block that schedules a change).
CREATE TABLE params_versions (
  height BIGINT           NOT NULL PRIMARY KEY,
  bytes  VARBINARY(4096)  NOT NULL  -- Params encoding
);
CREATE TABLE validator_versions (
  height BIGINT             NOT NULL PRIMARY KEY,
  bytes  VARBINARY(1048576) NOT NULL  -- ValidatorSet encoding
);

-- Addresses that are not plain keys: multi-member authorities (the committee reserve) and contract
-- accounts of a module. Written when registered or changed.
CREATE TABLE owners (
  address BINARY(20)          NOT NULL PRIMARY KEY,
  bytes   VARBINARY(4194304)  NOT NULL  -- Owner encoding
);

-- Consumed tokens (L3), kept forever, never spendable; id = storage id as for outputs.
CREATE TABLE coloured_outputs (
  id        BIGINT         NOT NULL PRIMARY KEY,
  txid      BINARY(32)     NOT NULL,
  out_index INT            NOT NULL,
  consumer  BINARY(20)     NOT NULL,
  asset     BINARY(32)     NOT NULL,
  amount    BIGINT         NOT NULL,
  period    BIGINT         NOT NULL,
  memo      VARCHAR(256)   NOT NULL
);

-- the ledger module's root in two parts (ModuleRoots): the hash chain of its changes and its balances' tree
ALTER TABLE chain_tip ADD COLUMN ledger_root BINARY(32);
ALTER TABLE chain_tip ADD COLUMN balances_root BINARY(32);
