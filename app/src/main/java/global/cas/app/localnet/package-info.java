/**
 * {@code cas localnet}: several validator nodes of one new chain on this computer, each a separate
 * process with its own data folder, joined over loopback, for trying the network and testing it.
 */
package global.cas.app.localnet;
