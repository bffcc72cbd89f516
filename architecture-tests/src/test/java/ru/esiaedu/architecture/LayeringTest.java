package ru.esiaedu.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the provider JARs (docs/architecture.md): the login flows — the linker
 * ({@code ru.esiaedu.linker}), the consent check ({@code ru.esiaedu.consent}) and the contact step
 * ({@code ru.esiaedu.contact}) — share only {@code login-core}
 * ({@code ru.esiaedu.login}), which sits on the ESIA provider ({@code ru.esiaedu.esia}) and the registry
 * ({@code ru.esiaedu.registry}); none of those reaches up. The school's pages ({@code ru.esiaedu.desk}) stand on
 * login-core and the registry beside the flows, and nothing imports them. Each JAR then loads without the ones above it.
 */
@AnalyzeClasses(packages = "ru.esiaedu", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule flowModulesNeverImportEachOther = slices()
            .matching("ru.esiaedu.(linker|consent|contact)..")
            .namingSlices("flow module $1")
            .should().notDependOnEachOther();

    /** The school's pages sit beside the flows: they read the registry and login-core's notes, never a flow. */
    @ArchTest
    static final ArchRule schoolDeskKnowsNoFlow = noClasses()
            .that().resideInAPackage("ru.esiaedu.desk..")
            .should().dependOnClassesThat().resideInAnyPackage("ru.esiaedu.linker..", "ru.esiaedu.consent..",
                    "ru.esiaedu.esia..");

    @ArchTest
    static final ArchRule nothingBelowKnowsTheSchoolDesk = noClasses()
            .that().resideInAnyPackage("ru.esiaedu.login..", "ru.esiaedu.registry..", "ru.esiaedu.esia..",
                    "ru.esiaedu.linker..", "ru.esiaedu.consent..")
            .should().dependOnClassesThat().resideInAPackage("ru.esiaedu.desk..");

    /** The desk's permissions and operations are plain Java, testable without a server. */
    @ArchTest
    static final ArchRule desksPermissionsAndOperationsNeedNoKeycloak = noClasses()
            .that().resideInAnyPackage("ru.esiaedu.desk.access..", "ru.esiaedu.desk.service..")
            .should().dependOnClassesThat().resideInAnyPackage("org.keycloak..", "jakarta.ws.rs..");

    @ArchTest
    static final ArchRule loginCoreKnowsNoFlow = noClasses()
            .that().resideInAPackage("ru.esiaedu.login..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("ru.esiaedu.linker..", "ru.esiaedu.consent..", "ru.esiaedu.contact..");

    @ArchTest
    static final ArchRule providerAndRegistryKnowNoLoginStep = noClasses()
            .that().resideInAnyPackage("ru.esiaedu.esia..", "ru.esiaedu.registry..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("ru.esiaedu.login..", "ru.esiaedu.linker..", "ru.esiaedu.consent..", "ru.esiaedu.contact..");

    @ArchTest
    static final ArchRule registryKnowsNoEsia = noClasses()
            .that().resideInAPackage("ru.esiaedu.registry..")
            .should().dependOnClassesThat().resideInAPackage("ru.esiaedu.esia..");

    @ArchTest
    static final ArchRule esiaProviderKnowsNoRegistry = noClasses()
            .that().resideInAPackage("ru.esiaedu.esia..")
            .should().dependOnClassesThat().resideInAPackage("ru.esiaedu.registry..");
}
