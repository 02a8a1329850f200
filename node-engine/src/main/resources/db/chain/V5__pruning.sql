-- Pruning old block bodies (issue 7, docs/storage.md "Pruning"), as Bitcoin Core's prune mode does:
-- a node started with --prune deletes the transactions of blocks 1 .. below - 1, with the outputs
-- those blocks spent and their spend rows, and keeps every header, commit and the whole state
-- (unspent outputs, owners, coloured outputs, parameters, validators). Genesis is never pruned.
-- No row: nothing is pruned. The row only grows, in the same transaction as the deletions.
CREATE TABLE chain_prune (
  id    TINYINT NOT NULL PRIMARY KEY CHECK (id = 0),
  below BIGINT  NOT NULL CHECK (below >= 2)
);
