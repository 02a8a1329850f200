/**
 * Hardened H2 access shared by the chain store ({@code store.h2}) and the wallet store ({@code
 * wallet.data.h2}): {@link global.cas.h2.FileInspector} reads an H2 file's schema records before H2
 * opens it and refuses triggers, aliases, linked tables and the like, {@link
 * global.cas.h2.SchemaObjects} refuses them again through {@code INFORMATION_SCHEMA} once it is
 * open, {@link global.cas.h2.H2Files} names the files and keeps connection settings out of their
 * paths, and the exceptions say how a file failed ({@link global.cas.h2.StoreException}, {@link
 * global.cas.h2.UntrustedDatabaseException}, {@link global.cas.h2.DamagedDatabaseException}).
 * Knows no table of either store. Depends on H2 and the JDK only, on no other package of this
 * program, so both stores can use it without depending on each other.
 */
package global.cas.h2;
