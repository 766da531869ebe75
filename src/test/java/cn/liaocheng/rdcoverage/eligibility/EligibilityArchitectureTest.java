package cn.liaocheng.rdcoverage.eligibility;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaocheng.rdcoverage.eligibility.archfixture.HoldsAClock;
import cn.liaocheng.rdcoverage.eligibility.archfixture.ReadsSystemTime;
import cn.liaocheng.rdcoverage.eligibility.archfixture.ReadsTheClock;
import cn.liaocheng.rdcoverage.eligibility.archfixture.UsesAFramework;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The eligibility module is a pure function: JDK core only (java.lang, java.util, java.math, java.time) and no
 * clock. The service layer supplies the date; a clock read inside would make results unrepeatable.
 */
class EligibilityArchitectureTest {

    static final String PACKAGE = "cn.liaocheng.rdcoverage.eligibility";

    static final ArchRule JDK_CORE_ONLY = classes()
            .that().resideInAPackage(PACKAGE + "..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage(PACKAGE + "..", "java.lang..", "java.util..", "java.math..", "java.time..")
            .because("the eligibility module is pure Java: no framework, persistence or serialisation library");

    private static final DescribedPredicate<JavaCall<?>> READS_THE_CLOCK = DescribedPredicate.describe(
            "a clock read (java.time *.now(), System.currentTimeMillis(), System.nanoTime(), new java.util.Date(), "
                    + "Calendar.getInstance())",
            call -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                int params = call.getTarget().getRawParameterTypes().size();
                return (owner.startsWith("java.time.") && name.equals("now"))
                        || (owner.equals("java.lang.System")
                                && (name.equals("currentTimeMillis") || name.equals("nanoTime")))
                        || (owner.equals("java.util.Date") && name.equals("<init>") && params == 0)
                        || (owner.equals("java.util.Calendar") && name.equals("getInstance"));
            });

    static final ArchRule NO_CLOCK = noClasses()
            .that().resideInAPackage(PACKAGE + "..")
            .should().callCodeUnitWhere(READS_THE_CLOCK)
            .orShould().dependOnClassesThat().areAssignableTo("java.time.InstantSource")
            .because("the evaluation date is an argument (asOf); eligibility never reads a clock");

    private static JavaClasses mainClasses() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PACKAGE);
        assertTrue(classes.contain(Eligibility.class), "main classes imported");
        assertTrue(classes.contain(Policy.class), "main classes imported");
        return classes;
    }

    @Test
    void dependsOnJdkCoreOnly() {
        JDK_CORE_ONLY.check(mainClasses());
    }

    @Test
    void neverReadsTheClock() {
        NO_CLOCK.check(mainClasses());
    }

    // The rules must fail on a violation, or they prove nothing.

    @Test
    void dependencyRuleCatchesAFrameworkOrIoDependency() {
        JavaClasses violation = new ClassFileImporter().importClasses(UsesAFramework.class);
        assertThrows(AssertionError.class, () -> JDK_CORE_ONLY.check(violation));
    }

    @Test
    void clockRuleCatchesNow() {
        JavaClasses violation = new ClassFileImporter().importClasses(ReadsTheClock.class);
        assertThrows(AssertionError.class, () -> NO_CLOCK.check(violation));
    }

    @Test
    void clockRuleCatchesCurrentTimeMillis() {
        JavaClasses violation = new ClassFileImporter().importClasses(ReadsSystemTime.class);
        assertThrows(AssertionError.class, () -> NO_CLOCK.check(violation));
    }

    @Test
    void clockRuleCatchesAClock() {
        JavaClasses violation = new ClassFileImporter().importClasses(HoldsAClock.class);
        assertThrows(AssertionError.class, () -> NO_CLOCK.check(violation));
    }
}
