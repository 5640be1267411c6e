package org.mysqlreplication;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rule of the architecture: io at the bottom, the model above it, client on top. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mysqlreplication");

    @Test
    void ioDependsOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("org.mysqlreplication.io..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.mysqlreplication.net..",
                        "org.mysqlreplication.protocol..",
                        "org.mysqlreplication.event..",
                        "org.mysqlreplication.value..",
                        "org.mysqlreplication.schema..",
                        "org.mysqlreplication.file..",
                        "org.mysqlreplication.client..",
                        "org.mysqlreplication.gtid..")
                .check(CORE);
    }

    @Test
    void theModelKnowsNothingOfTheWireOrTheClient() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.mysqlreplication.event..",
                        "org.mysqlreplication.value..",
                        "org.mysqlreplication.schema..",
                        "org.mysqlreplication.gtid..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.mysqlreplication.net..",
                        "org.mysqlreplication.protocol..",
                        "org.mysqlreplication.file..",
                        "org.mysqlreplication.client..")
                .check(CORE);
    }

    @Test
    void theWireKnowsNothingOfEventsOrTheClient() {
        noClasses()
                .that()
                .resideInAnyPackage("org.mysqlreplication.net..", "org.mysqlreplication.protocol..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.mysqlreplication.event..",
                        "org.mysqlreplication.value..",
                        "org.mysqlreplication.schema..",
                        "org.mysqlreplication.file..",
                        "org.mysqlreplication.client..")
                .check(CORE);
    }

    /**
     * The model's layers inside: values and positions at the bottom, then schemas, then events (rows carry their
     * table schema); a schema or GTID class that imported an event, or the event model that imported its decoders,
     * would run back up.
     */
    @Test
    void schemasAndGtidsKnowNothingOfEvents() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.mysqlreplication.schema..", "org.mysqlreplication.gtid..", "org.mysqlreplication.value..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.mysqlreplication.event..")
                .check(CORE);
    }

    @Test
    void theEventModelKnowsNothingOfItsDecoders() {
        noClasses()
                .that()
                .resideInAPackage("org.mysqlreplication.event")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.mysqlreplication.event.decode..")
                .check(CORE);
    }

    @Test
    void theFileReaderIsASourceOfPayloadsOnly() {
        noClasses()
                .that()
                .resideInAPackage("org.mysqlreplication.file..")
                .should()
                .dependOnClassesThat()
                .haveSimpleName("EventDecoder")
                .check(CORE);
    }

    @Test
    void nothingDependsOnTheClient() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.mysqlreplication.client..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.mysqlreplication.client..")
                .check(CORE);
    }

    @Test
    void decodersAndTheModelNeverLog() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.mysqlreplication.io..",
                        "org.mysqlreplication.event..",
                        "org.mysqlreplication.value..",
                        "org.mysqlreplication.schema..",
                        "org.mysqlreplication.gtid..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.slf4j..")
                .check(CORE);
    }
}
