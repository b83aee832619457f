package io.hallwatch.queue;

import io.hallwatch.testsupport.ServiceShape;
import org.junit.jupiter.api.Test;

/** The package shape every service shares (roles, a framework-free domain, SQL only in store). */
class ShapeTest {

    @Test
    void the_service_has_the_shared_shape() {
        ServiceShape.assertShape("queue");
    }
}
