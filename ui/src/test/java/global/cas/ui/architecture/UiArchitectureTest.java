package global.cas.ui.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** DESIGN.md, how data flows: the UI reads the node, never the chain's or ledger's machinery or the store. */
class UiArchitectureTest {
    private static JavaClasses ui;

    @BeforeAll
    static void load() {
        ui = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("global.cas.ui");
    }

    @Test
    @DisplayName("ui imports no chain or ledger internals: no state machine, executor, ledger state, store or mempool")
    void noInternals() {
        noClasses()
                .that()
                .resideInAPackage("global.cas.ui..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("global.cas.chain.StateMachine")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("global.cas.chain.BlockExecutor")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("global.cas.chain.ChainState")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("global.cas.ledger.LedgerState")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("global.cas.ledger.LedgerOverlay")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("global.cas.ledger.EnvelopeRules")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Handler")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("global.cas.store..", "global.cas.mempool..")
                .check(ui);
    }

    @Test
    @DisplayName("ui reads the node through its query interfaces: no Node, Block, ChainTip or ChainService")
    void readsThroughQueries() {
        noClasses()
                .that()
                .resideInAPackage("global.cas.ui..")
                .should()
                .dependOnClassesThat()
                // Node's nested records (KnownTransaction) too
                .haveNameMatching("global\\.cas\\.node\\.Node(\\$.*)?")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("global.cas.chain.Block")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("global.cas.chain.ChainTip")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("global.cas.chain.ChainService")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("global.cas.node.ChainService")
                .check(ui);
    }
}
