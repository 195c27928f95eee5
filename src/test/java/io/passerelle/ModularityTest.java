package io.passerelle;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features depend on each other one way only, through their public root packages. */
class ModularityTest {

    @Test
    void featureModulesRespectTheirDeclaredDependencies() {
        ApplicationModules.of(PasserelleApplication.class).verify();
    }
}
