package io.hallwatch.counter;

import io.hallwatch.testsupport.ServiceShape;
import org.junit.jupiter.api.Test;

/** The package shape every service shares (docs/architecture.md): roles on top, SQL only in store, a plain-Java domain. */
class ShapeTest {

    @Test
    void the_service_has_the_shared_shape() {
        ServiceShape.assertShape("counter");
    }
}
