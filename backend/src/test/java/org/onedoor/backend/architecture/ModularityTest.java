package org.onedoor.backend.architecture;

import org.junit.jupiter.api.Test;
import org.onedoor.backend.OneDoorBackendApplication;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(OneDoorBackendApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }
}
