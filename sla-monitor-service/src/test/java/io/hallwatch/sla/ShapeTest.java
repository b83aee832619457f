package io.hallwatch.sla;

import io.hallwatch.testsupport.ServiceShape;
import org.junit.jupiter.api.Test;

/** The package shape every Hallwatch service shares (docs/architecture.md), checked on this service's sources. */
class ShapeTest {

    @Test
    void the_sources_are_laid_out_in_the_shared_roles() {
        ServiceShape.assertShape("sla");
    }
}
