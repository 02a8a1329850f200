/**
 * Running the node from the command line: {@code cas node} (and {@code cas} alone) parse {@link
 * global.cas.app.node.NodeOptions} into {@link global.cas.app.node.NodeSettings}, {@link
 * global.cas.app.node.NodeModule} wires the engine with Guice (genesis, validator key, H2 store,
 * {@link global.cas.node.Node}, {@link global.cas.rpc.RpcServer}), and {@link
 * global.cas.app.node.NodeRunner} runs it until Ctrl-C, SIGTERM or a {@link
 * global.cas.app.node.StopSignal}, closing it so that no block is left half written. Depends on
 * the engine, Guice and {@code app.cli}.
 */
package global.cas.app.node;
