package global.cas.ui.settings;

/** The colour theme: the system's choice, or always light or dark. */
public enum Theme {
    SYSTEM,
    LIGHT,
    DARK
}
