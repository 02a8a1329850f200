-- Which of the watched addresses ever received an output: the wallet offers the first unused
-- one as its receiving address. Derived data, like the rest of the checkpoint.
ALTER TABLE scan_addresses ADD COLUMN used BOOLEAN DEFAULT FALSE NOT NULL;
