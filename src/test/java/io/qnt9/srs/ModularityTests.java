package io.qnt9.srs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Fails when a module reaches into another's internals, depends on a module it did not declare, or forms a cycle. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(SrsApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theFeatureModulesAreThoseOfTheArchitecture() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("system", "marketdata", "account", "watchlist");
    }

    @Test
    void writesModuleDiagrams() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
