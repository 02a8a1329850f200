-- Where the wallet's history scan stopped (global.cas.wallet.ScanCheckpoint), so that opening a
-- wallet reads only the blocks made since. Derived data: losing these rows costs one rescan from
-- genesis and nothing else. scan_position has at most one row.

CREATE TABLE scan_position (
  id          TINYINT    NOT NULL PRIMARY KEY CHECK (id = 1),
  height      BIGINT     NOT NULL CHECK (height >= 0),
  block_hash  BINARY(32) NOT NULL
);

CREATE TABLE scan_addresses (
  address BINARY(20) NOT NULL PRIMARY KEY
);

CREATE TABLE scan_owned (
  tx_id   BINARY(32) NOT NULL,
  idx     INT        NOT NULL,
  owner   BINARY(20) NOT NULL,
  asset   BINARY(32) NOT NULL,
  amount  BIGINT     NOT NULL CHECK (amount > 0),
  PRIMARY KEY (tx_id, idx)
);

-- seq is the entry's place in the history, oldest first; counterparties are 20-byte addresses
-- one after the other.
CREATE TABLE scan_entries (
  seq            INT         NOT NULL PRIMARY KEY,
  tx_id          BINARY(32)  NOT NULL,
  height         BIGINT      NOT NULL,
  time           BIGINT      NOT NULL,
  kind           VARCHAR(16) NOT NULL,
  net            BIGINT      NOT NULL,
  fee            BIGINT      NOT NULL,
  counterparties VARBINARY   NOT NULL
);
