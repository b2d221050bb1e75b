package org.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {
    static final ApplicationModules modules = ApplicationModules.of(MandateApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        // guard against a check that passes because it found nothing to check
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("organization", "shared", "web", "database", "access", "audit", "document", "backup");
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
