package global.cas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import global.cas.ledger.Action;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The seams of the state machine (issue 7): one dispatch looks at an action's kind; the mempool,
 * the block writer and the state root know no kind; the store knows no wallet.
 */
class StateMachineArchitectureTest {
    private static JavaClasses engine;

    @BeforeAll
    static void load() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("global.cas");
    }

    @Test
    @DisplayName("no instanceof on a transaction kind outside the dispatch: a new kind touches one switch")
    void noInstanceofOnKinds() {
        List<String> found = new ArrayList<>();
        for (JavaClass c : engine) {
            if (c.getName().startsWith("global.cas.chain.ActionDispatch")) {
                continue;
            }
            for (JavaCodeUnit u : c.getCodeUnits()) {
                u.getInstanceofChecks().forEach(check -> {
                    JavaClass target = check.getRawType();
                    if (target.isAssignableTo(Action.class) && !target.isEquivalentTo(Action.class)) {
                        found.add(u.getFullName() + " tests instanceof " + target.getSimpleName());
                    }
                });
            }
        }
        assertThat(found).as("instanceof checks on action kinds").isEmpty();
    }

    @Test
    @DisplayName("the mempool, the block writer and the module roots name no action kind")
    void kindFreeSeams() {
        noClasses()
                .that()
                .resideInAnyPackage("global.cas.mempool..", "global.cas.store..")
                .or()
                .haveFullyQualifiedName("global.cas.chain.ModuleRoots")
                .or()
                .haveFullyQualifiedName("global.cas.ledger.LedgerRoot")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.assignableTo(Action.class)
                        .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(Action.class)))
                        .as("action kinds"))
                .orShould()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Handler")
                .allowEmptyShould(false)
                .check(engine);
    }

    @Test
    @DisplayName("parameters and validators sit below the ledger: they depend on crypto and codec only")
    void modulesBelowLedger() {
        noClasses()
                .that()
                .resideInAnyPackage("global.cas.params..", "global.cas.validators..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "global.cas.ledger..",
                        "global.cas.chain..",
                        "global.cas.store..",
                        "global.cas.node..",
                        "global.cas.mempool..")
                .check(engine);
    }
}
