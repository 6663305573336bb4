package org.charter.service.sso;

import java.io.Serializable;
import java.time.OffsetDateTime;
import org.charter.model.sso.SsoMatch;

/** The franchise's single sign-on as HQ's page shows it: everything but the secret. */
public record SsoView(
        String issuer,
        String clientId,
        boolean secretKept,
        String claim,
        SsoMatch matchBy,
        boolean enabled,
        String updatedBy,
        OffsetDateTime updatedAt)
        implements Serializable {}
