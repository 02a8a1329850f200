/**
 * The node's traffic over the peer-to-peer network ({@link global.cas.p2p.PeerNetwork}): consensus
 * messages on their channel ({@link PeerConsensusTransport}) and transactions gossiped between
 * mempools ({@link TransactionGossip}). Every message from a peer is decoded with limits; one that
 * does not decode, or that no honest node sends, disconnects and bans the peer.
 */
package global.cas.network;
