/**
 * The CAS Wallet program: {@link global.cas.app.Main} runs the {@code cas} command line ({@link
 * global.cas.app.CasCommand}; {@code cas} alone starts the node, later the desktop window) with
 * picocli, whose commands Guice creates by constructor injection ({@link global.cas.app.CliModule},
 * {@link global.cas.app.GuiceFactory}). All wiring lives here and in {@code app.node}; there are no
 * static singletons. Depends on every {@code app} subpackage, picocli and Guice.
 */
package global.cas.app;
