package global.cas.store.h2;

import global.cas.h2.H2Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A chain database file migrated only up to an older schema version, for migration tests. */
final class OlderSchema {
    private OlderSchema() {}

    /** The chain database {@code dir/chain}, migrated to schema {@code version} and no further. */
    static JdbcDataSource at(Path dir, int version) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("chain").toAbsolutePath());
        ds.setUser(H2Files.USER);
        ds.setPassword("");
        Flyway.configure(OlderSchema.class.getClassLoader())
                .dataSource(ds)
                .locations(ChainMigrations.LOCATION)
                .target(Integer.toString(version))
                .load()
                .migrate();
        return ds;
    }
}
