/**
 * The node as the UI sees it: {@link global.cas.ui.node.NodeEventBridge} moves node events onto
 * the FX thread, merging bursts so a sync of thousands of blocks cannot flood the FX queue.
 * Depends on the engine's {@code node} package and on JavaFX.
 */
package global.cas.ui.node;
