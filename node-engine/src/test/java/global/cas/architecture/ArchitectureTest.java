package global.cas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rooms of DESIGN.md, checked: what each engine package may depend on. */
class ArchitectureTest {
    private static JavaClasses engine;

    @BeforeAll
    static void load() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("global.cas");
    }

    @Test
    @DisplayName("the node engine uses neither JavaFX nor Guice")
    void noUiNoGuice() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "com.google.inject..")
                .check(engine);
    }

    @Test
    @DisplayName("crypto, codec and ledger know nothing of chain, storage, mempool, node or RPC")
    void lowerLayersStayLow() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "global.cas.crypto..", "global.cas.codec..", "global.cas.ledger..", "global.cas.rejection..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "global.cas.chain..",
                        "global.cas.store..",
                        "global.cas.mempool..",
                        "global.cas.node..",
                        "global.cas.rpc..",
                        "global.cas.wallet..")
                .check(engine);
    }

    @Test
    @DisplayName("only the two stores (store.h2, wallet.data.h2) and their shared h2 helpers touch JDBC, H2 or Flyway")
    void onlyStoresTouchDatabase() {
        noClasses()
                .that()
                .resideOutsideOfPackages("global.cas.store.h2..", "global.cas.wallet.data.h2..", "global.cas.h2..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "org.h2..", "org.flywaydb..")
                .check(engine);
    }

    @Test
    @DisplayName("the chain store knows nothing of wallets")
    void storeKnowsNoWallet() {
        noClasses()
                .that()
                .resideInAPackage("global.cas.store..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("global.cas.wallet..")
                .check(engine);
    }

    @Test
    @DisplayName("the wallet, its own store included, knows nothing of the chain store")
    void walletKnowsNoStore() {
        noClasses()
                .that()
                .resideInAPackage("global.cas.wallet..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("global.cas.store..")
                .check(engine);
    }

    @Test
    @DisplayName("the shared H2 helpers depend on no other package of the program, so both stores can use them")
    void h2HelpersStandAlone() {
        classes()
                .that()
                .resideInAPackage("global.cas.h2..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("global.cas.h2..", "java..", "org.h2..")
                .check(engine);
    }

    @Test
    @DisplayName("no cycles between the engine's top-level packages")
    void noCycles() {
        slices().matching("global.cas.(*)..").should().beFreeOfCycles().check(engine);
    }

    @Test
    @DisplayName("no cycles between any two packages, sub-packages included")
    void noCyclesBetweenSubPackages() {
        slices().matching("global.cas.(**)").should().beFreeOfCycles().check(engine);
    }

    @Test
    @DisplayName("the wallet builds transactions without the node, so any client can use it")
    void walletIndependentOfNode() {
        noClasses()
                .that()
                .resideInAnyPackage("global.cas.wallet..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "global.cas.node..", "global.cas.store..", "global.cas.rpc..", "global.cas.mempool..")
                .check(engine);
    }

    @Test
    @DisplayName("every package of the engine has a package-info.java")
    void everyPackageDocumented() throws IOException {
        Path root = Path.of("src/main/java");
        List<Path> missing;
        try (Stream<Path> dirs = Files.walk(root)) {
            missing = dirs.filter(Files::isDirectory)
                    .filter(d -> hasJava(d))
                    .filter(d -> !Files.exists(d.resolve("package-info.java")))
                    .toList();
        }
        assertThat(missing).as("packages without package-info.java").isEmpty();
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
