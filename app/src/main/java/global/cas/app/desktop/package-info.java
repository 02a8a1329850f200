/**
 * The desktop program: starts the embedded node in the background, opens the main window at once
 * (with a progress indicator while the node opens its database), wires the UI's models and
 * controllers, and on closing stops mining, the RPC server and the node cleanly. Guice stays here;
 * the {@code ui} module receives plain objects.
 */
package global.cas.app.desktop;
