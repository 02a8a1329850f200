-- A wallet's own data beside its keys (DESIGN.md, Storage): labels and the address book.
-- Small tables keyed by what the person labels; no key material is ever stored here.
-- VARCHAR(400): labels have at most 100 code points, up to 200 UTF-16 chars.

CREATE TABLE transaction_labels (
  tx_id  BINARY(32)    NOT NULL PRIMARY KEY,
  label  VARCHAR(400)  NOT NULL
);

CREATE TABLE address_labels (
  address BINARY(20)   NOT NULL PRIMARY KEY,
  label   VARCHAR(400) NOT NULL
);

CREATE TABLE contacts (
  address BINARY(20)   NOT NULL PRIMARY KEY,
  name    VARCHAR(400) NOT NULL
);
