package global.cas.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import global.cas.app.cli.Terminal;
import global.cas.wallet.keys.Keystore;
import java.security.SecureRandom;

/**
 * What every command may ask for: the terminal, a secure random source and the keystore (Argon2id
 * defaults; tests bind one with cheaper parameters). Node wiring is in {@code app.node.NodeModule},
 * installed only when a node runs.
 */
public final class CliModule extends AbstractModule {
    private final Terminal terminal;

    public CliModule(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    protected void configure() {
        bind(Terminal.class).toInstance(terminal);
    }

    @Provides
    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Provides
    @Singleton
    Keystore keystore(SecureRandom random) {
        return new Keystore(random);
    }
}
