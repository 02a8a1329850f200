package global.cas.app.desktop;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code --screenshots} asks for: the folder to write into and, when not empty, the only
 * screens to shoot ({@code --screenshot-screens}, e.g. to shoot one screen while a devnet
 * election is in its voting minute). Immutable.
 */
public record Screenshots(Path dir, List<String> screens) {
    public Screenshots {
        screens = List.copyOf(screens);
    }

    /** Whether screen {@code id} is to be shot. */
    boolean wants(String id) {
        return screens.isEmpty() || screens.contains(id);
    }
}
