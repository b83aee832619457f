package io.hallwatch.marketing;

import io.hallwatch.testsupport.ServiceShape;
import org.junit.jupiter.api.Test;

/** The package shape every service shares: roles at the top, no framework in domain, SQL only in store. */
class ShapeTest {

    @Test
    void marketing_has_the_shared_shape() {
        ServiceShape.assertShape("marketing");
    }
}
