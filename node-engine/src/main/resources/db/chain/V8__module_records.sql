-- Record modules (decision 45): a module that keeps its state as records (governance now, tokens
-- later) stores them here, generically, so a new module needs no new table and no change to the
-- block writer. module_records holds each module's current records, keyed by the module's own
-- canonical key; their tree's root is the module's root in the state root, recomputed when the
-- store opens, so a damaged or changed record is found before it is used. module_history keeps
-- every change with the height that made it (a removed record has no bytes), never pruned: the
-- ballots of every election and referendum and the balance checkpoints their weights came from
-- (G38). Its id grows with the chain: height * 2^24 + the change's index in the block.
--
-- The state root now joins the governance root, so every state root and genesis hash written
-- before differ: this version writes block format 4, and a database of format 3 keeps its row in
-- chain_format and is refused as older (CHAIN_FORMAT_OLD; a devnet's chain is moved aside).
CREATE TABLE module_records (
  module VARCHAR(32)        NOT NULL,
  rkey   VARBINARY(128)     NOT NULL,
  bytes  VARBINARY(1000000) NOT NULL,
  PRIMARY KEY (module, rkey)
);

CREATE TABLE module_history (
  id     BIGINT             NOT NULL PRIMARY KEY,
  module VARCHAR(32)        NOT NULL,
  height BIGINT             NOT NULL,
  rkey   VARBINARY(128)     NOT NULL,
  bytes  VARBINARY(1000000)
);

CREATE INDEX module_history_by_key ON module_history (module, rkey, height);
