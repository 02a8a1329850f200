package global.cas.store.h2;

import global.cas.h2.StoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a chain database to the newest schema with the Flyway migrations in {@code db/chain}. */
final class ChainMigrations {
    static final String LOCATION = "classpath:db/chain";
    /** How the message of a failed migration starts. */
    static final String FAILED = "cannot migrate the chain database";

    private ChainMigrations() {}

    /**
     * Applies every pending migration; validates the ones already applied against their checksums.
     *
     * @throws StoreException when a migration fails or an applied one was changed
     */
    static void migrate(DataSource database, String where) {
        try {
            Flyway.configure(ChainMigrations.class.getClassLoader())
                    .dataSource(database)
                    .locations(LOCATION)
                    .failOnMissingLocations(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException(FAILED + " at " + where + ": " + e.getMessage(), e);
        }
    }
}
