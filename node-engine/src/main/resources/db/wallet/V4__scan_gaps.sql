-- The runs of blocks whose transactions the wallet's history never read because the node had
-- pruned them first (global.cas.wallet.HistoryGap): the history screen says which blocks it
-- cannot list. Derived data, like the rest of the checkpoint; a file of an older version has no
-- rows here (it read every block).
CREATE TABLE scan_gaps (
  from_height BIGINT NOT NULL PRIMARY KEY CHECK (from_height >= 0),
  to_height   BIGINT NOT NULL,
  CHECK (to_height >= from_height)
);
