package org.charter.service.sso;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.charter.model.common.BusinessException;
import org.charter.model.franchise.Franchise;
import org.charter.model.people.Role;
import org.charter.model.sso.SsoConnection;
import org.charter.service.audit.AuditTrail;
import org.charter.service.database.DatabaseClock;
import org.charter.service.security.SecretBox;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * HQ connects the franchise's OpenID provider. The connection is kept in the platform's registry under the
 * caller's franchise (nothing in the form names a franchise); the client secret is sealed before it is stored and
 * never shown again. Saving asks the provider for its discovery document first, so a mistyped issuer is told at
 * once rather than at the first person's sign-in.
 */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class SsoSettings {

    /** Admits a provider at a plain-http address, for one on the operator's own machine; never in production. */
    public static final String ALLOW_HTTP = "charter.sso.allow-http";

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    DatabaseClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    SecretBox secrets;

    @Inject
    OidcClient oidc;

    /** The franchise's connection, or empty when HQ has not made one. */
    public Optional<SsoView> current() {
        return Optional.ofNullable(
                        em.find(SsoConnection.class, callers.current().franchiseId()))
                .map(c -> new SsoView(
                        c.getIssuer(),
                        c.getClientId(),
                        c.getSealedSecret() != null,
                        c.getClaim(),
                        c.getMatchBy(),
                        c.isEnabled(),
                        c.getUpdatedBy(),
                        c.getUpdatedAt()));
    }

    /** The franchise's slug, for the sign-in address HQ hands out. */
    public String franchiseSlug() {
        return em.find(Franchise.class, callers.current().franchiseId()).getSlug();
    }

    /** Creates or changes the connection; refuses an issuer whose discovery document cannot be read. */
    public void save(SsoForm form) {
        String franchiseId = callers.current().franchiseId();
        boolean allowHttp = allowHttp();
        String issuer = SsoConnection.checkIssuer(form.issuer(), allowHttp);
        try {
            oidc.discover(issuer);
        } catch (OidcClient.ProviderException e) {
            throw new BusinessException("error.sso.discovery", e.getMessage());
        }
        SsoConnection connection = em.find(SsoConnection.class, franchiseId);
        boolean created = connection == null;
        if (created) {
            connection = new SsoConnection(franchiseId);
        }
        String secret = form.clientSecret() == null ? "" : form.clientSecret().strip();
        if (secret.length() > SsoConnection.CLIENT_SECRET_LENGTH) {
            throw new BusinessException("error.tooLong", "ssoClientSecret", SsoConnection.CLIENT_SECRET_LENGTH);
        }
        String sealed = secret.isEmpty() ? null : secrets.seal(secret, context(franchiseId));
        connection.configure(
                issuer,
                form.clientId(),
                sealed,
                form.claim(),
                form.matchBy(),
                form.enabled(),
                allowHttp,
                callers.current().username(),
                clock.now());
        if (created) {
            em.persist(connection);
        }
        em.flush();
        audit.record(
                created ? "sso.created" : "sso.changed",
                "sso",
                franchiseId,
                connection.getIssuer() + " client " + connection.getClientId() + ", " + connection.getClaim() + " = "
                        + connection.getMatchBy() + (connection.isEnabled() ? "" : ", off")
                        + (sealed == null ? "" : ", new secret"));
    }

    /** What a sealed client secret is bound to: its franchise's row. */
    static String context(String franchiseId) {
        return "sso_connection:" + franchiseId;
    }

    static boolean allowHttp() {
        return ConfigProvider.getConfig()
                .getOptionalValue(ALLOW_HTTP, Boolean.class)
                .orElse(false);
    }
}
