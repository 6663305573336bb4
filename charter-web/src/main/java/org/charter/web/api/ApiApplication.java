package org.charter.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The HTTP API under {@code /api}, described at {@code /openapi}. Today it answers who it is; the signed-in API
 * (with tokens, not Basic auth) comes with the features that need it.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "Charter", version = "1", description = "Customer service charters for franchises."))
public class ApiApplication extends Application {}
