-- The digest of the unspent outputs as of the tip (global.cas.store.StateDigest), written with
-- every block in the same transaction. NULL in a database written by a version before it: the
-- node then computes it from the loaded outputs on the next start (trust on first use).
ALTER TABLE chain_tip ADD COLUMN state_digest BINARY(32);
