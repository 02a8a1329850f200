-- Evidence of double signing on chain (C4, decision 37). A block carries the evidence it records;
-- each piece is one row, keyed by the block's height and its index in the block (RowKeys.evidence),
-- so rows grow with the chain. The rows are the block's evidence and the evidence module's state at
-- once: pruning keeps them. The tip records the module's root (a hash chain over the blocks that
-- carried evidence), part of the state root.
--
-- The state root now joins the evidence root, so every state root and genesis hash written before
-- differ: this version writes block format 3, and a database of format 2 keeps its row in
-- chain_format and is refused as older (CHAIN_FORMAT_OLD; a devnet's chain is moved aside).
CREATE TABLE evidence (
  id     BIGINT          NOT NULL PRIMARY KEY,
  height BIGINT          NOT NULL,
  bytes  VARBINARY(1024) NOT NULL  -- DoubleSignEvidence encoding
);

ALTER TABLE chain_tip ADD COLUMN evidence_root BINARY(32);
