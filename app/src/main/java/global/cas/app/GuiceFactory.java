package global.cas.app;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import picocli.CommandLine;

/**
 * Lets picocli create commands and mixins through Guice, so they get their collaborators by
 * constructor injection; anything Guice cannot build (picocli's own helpers) falls back to
 * picocli's default factory.
 */
final class GuiceFactory implements CommandLine.IFactory {
    private final Injector injector;

    GuiceFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            return injector.getInstance(cls);
        } catch (ConfigurationException e) {
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
