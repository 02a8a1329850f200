-- A block carries no signature of its proposer any more (decision 32): its commit, more than 2/3 of
-- the voting power precommitting the header's hash (C3), is what makes it authentic, and the
-- header names the proposer. The block hash is the header's hash, so every stored block keeps its
-- hash and its commit; only the two columns beside the header go.
ALTER TABLE blocks DROP COLUMN proposer_key;
ALTER TABLE blocks DROP COLUMN proposer_signature;
