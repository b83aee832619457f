package io.hallwatch.web;

import io.hallwatch.testsupport.ServiceShape;
import org.junit.jupiter.api.Test;

/** The one package shape of every module (docs/architecture.md): roles at the top, features inside. */
class ShapeTest {
    @Test
    void the_web_module_has_the_services_shape() {
        ServiceShape.assertShape("web");
    }
}
