/** Tests of the node's traffic over the peer-to-peer network. */
package global.cas.network;
