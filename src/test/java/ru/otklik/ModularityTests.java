package ru.otklik;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Module boundaries are part of the build: a forbidden dependency between modules fails it.
 */
class ModularityTests {

    @Test
    void modulesOnlyDependOnEachOthersPublicApi() {
        ApplicationModules.of(OtklikApplication.class).verify();
    }
}
