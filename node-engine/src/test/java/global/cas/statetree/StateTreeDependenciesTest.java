package global.cas.statetree;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The state tree stays a pure library that block execution, light clients and tools can all use. */
class StateTreeDependenciesTest {

    @Test
    @DisplayName("statetree depends only on crypto, codec, rejection and the JDK")
    void onlyCryptoAndCodec() {
        classes()
                .that()
                .resideInAPackage("global.cas.statetree..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "global.cas.statetree..",
                        "global.cas.crypto..",
                        "global.cas.codec..",
                        "global.cas.rejection..",
                        "java..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("global.cas.statetree"));
    }
}
