package org.charter.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The HTTP API under {@code /api}, described at {@code /openapi}: {@code /api/about} for anybody, and
 * {@code /api/v1} for a franchise's other systems, each call with an API token HQ made ({@link TokenFilter}).
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "Charter", version = "1", description = "Customer service charters for franchises."))
@SecurityScheme(
        securitySchemeName = ApiApplication.TOKEN,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API token from Headquarters, API tokens: Authorization: Bearer chr_…")
public class ApiApplication extends Application {

    /** The name of the token scheme in the description. */
    public static final String TOKEN = "apiToken";
}
