-- Fewer random-key writes per transfer (issue 7, docs/storage.md "Keeping the file small"): a spend
-- is a row appended to SPENDS instead of an update of its output's row somewhere in OUTPUTS, and
-- balances are no longer stored: they are the sums of the unspent outputs (L2), which every start
-- reads and checks anyway, and the balances' root in the tip (chain_tip.balances_root) commits to
-- them. Per transfer this leaves appends only, and the transaction id index.

-- id = (height of the spending block << 28) | the spend's position among that block's spends; the
-- key grows with the chain, so every row lands at the end of the B-tree.
CREATE TABLE spends (
  id        BIGINT NOT NULL PRIMARY KEY,
  output_id BIGINT NOT NULL  -- outputs.id of the spent output
);

INSERT INTO spends (id, output_id)
  SELECT spent_height * 268435456 + ROW_NUMBER() OVER (PARTITION BY spent_height ORDER BY id) - 1, id
  FROM outputs WHERE spent_height IS NOT NULL;

ALTER TABLE outputs DROP COLUMN spent_height;

DROP TABLE balances;
