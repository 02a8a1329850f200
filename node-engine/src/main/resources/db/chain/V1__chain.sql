-- The chain: blocks, transactions, outputs, balances and the tip (DESIGN.md, Storage).
-- Primary keys grow with the chain (height, or height/index packed in a BIGINT) so inserts append;
-- hashes are indexed only where a look-up by hash is needed (block hash, transaction id).

-- One row per block. The transactions live in TRANSACTIONS; a block is its header, its proposer's
-- key and signature, and the transactions whose ids fall in its height's range.
CREATE TABLE blocks (
  height             BIGINT         NOT NULL PRIMARY KEY,
  hash               BINARY(32)     NOT NULL,
  header             VARBINARY(512) NOT NULL,  -- canonical BlockHeader encoding
  proposer_key       BINARY(32)     NOT NULL,
  proposer_signature BINARY(64)     NOT NULL,
  tx_count           INT            NOT NULL,
  block_time         BIGINT         NOT NULL,  -- milliseconds of block time (C5)
  CONSTRAINT blocks_hash_unique UNIQUE (hash)
);

-- id = height << 18 | index in block. Not unique on txid: the store records what consensus
-- committed; the ledger rules keep ids unique.
CREATE TABLE transactions (
  id     BIGINT            NOT NULL PRIMARY KEY,
  txid   BINARY(32)        NOT NULL,
  height BIGINT            NOT NULL,
  idx    INT               NOT NULL,
  kind   TINYINT           NOT NULL,
  bytes  VARBINARY(100000) NOT NULL  -- Transaction.encoded(), witnesses included
);
CREATE INDEX transactions_txid ON transactions (txid);

-- id = UnspentOutput.storageId (height, transaction index, output index). Spent outputs stay,
-- with the height of the block that spent them (L1).
CREATE TABLE outputs (
  id           BIGINT     NOT NULL PRIMARY KEY,
  txid         BINARY(32) NOT NULL,
  out_index    INT        NOT NULL,
  owner        BINARY(20) NOT NULL,
  asset        BINARY(32) NOT NULL,  -- AssetId.storageKey(): zeros for CAS
  amount       BIGINT     NOT NULL,
  spent_height BIGINT
);

-- Non-zero balances only: a balance that reaches zero is deleted (L2).
CREATE TABLE balances (
  owner  BINARY(20) NOT NULL,
  asset  BINARY(32) NOT NULL,
  amount BIGINT     NOT NULL,
  CONSTRAINT balances_pk PRIMARY KEY (owner, asset)
);

-- The last committed block and the consensus variables beside the ledger (C6). One row, id 0.
CREATE TABLE chain_tip (
  id               TINYINT    NOT NULL PRIMARY KEY CHECK (id = 0),
  height           BIGINT     NOT NULL,
  hash             BINARY(32) NOT NULL,
  tip_time         BIGINT     NOT NULL,
  state_root       BINARY(32) NOT NULL,
  target           BIGINT     NOT NULL,  -- unsigned 64-bit value stored as its bits
  frozen_remaining BIGINT     NOT NULL
);
