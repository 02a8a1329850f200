/**
 * Which network a node joins, beyond its genesis parameters: the seed addresses a genesis file
 * lists ({@link global.cas.app.network.GenesisSeeds}, dialled when no {@code --peer} is given) and
 * the testnet's public validator keys ({@link global.cas.app.network.TestnetValidators}, derived
 * from the public test phrase, so anyone can run the testnet's four validators). Depends on the
 * engine and {@code app.cli} only.
 */
package global.cas.app.network;
