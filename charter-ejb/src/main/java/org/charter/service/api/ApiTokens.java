package org.charter.service.api;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.charter.model.api.ApiToken;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.people.Role;
import org.charter.service.audit.AuditTrail;
import org.charter.service.database.DatabaseClock;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/**
 * HQ's API tokens. The table is the platform's credential registry (looked up before a tenant is known), so
 * every query here names the caller's franchise itself: another franchise's token is "not found".
 */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class ApiTokens {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    DatabaseClock clock;

    @Inject
    AuditTrail audit;

    /** Makes a token and hands back its secret, once; only its hash is kept. */
    public NewToken create(TokenForm form) {
        String secret = TokenSecrets.generate();
        ApiToken token = new ApiToken(
                callers.current().franchiseId(),
                form.name(),
                form.scopes(),
                form.days(),
                TokenSecrets.hash(secret),
                TokenSecrets.prefix(secret),
                callers.current().username(),
                clock.now());
        em.persist(token);
        audit.record(
                "apiToken.created",
                "apiToken",
                token.getId(),
                token.getName() + " " + token.getPrefix() + " " + token.getScopes() + " until " + token.getExpiresAt());
        return new NewToken(token.getId(), token.getName(), secret, token.getExpiresAt());
    }

    /** The franchise's tokens, newest first, revoked and expired ones included (their last use stays visible). */
    public List<ApiToken> list() {
        return em.createQuery(
                        "select t from ApiToken t where t.franchiseId = :franchise order by t.createdAt desc",
                        ApiToken.class)
                .setParameter("franchise", callers.current().franchiseId())
                .getResultList();
    }

    /** Refuses the token from its next call on. */
    public ApiToken revoke(String tokenId) {
        ApiToken token = get(tokenId);
        if (token.getRevokedAt() == null) {
            token.revoke(callers.current().username(), clock.now());
            audit.record("apiToken.revoked", "apiToken", token.getId(), token.getName() + " " + token.getPrefix());
        }
        return token;
    }

    public ApiToken get(String tokenId) {
        ApiToken token = Ids.isWellFormed(tokenId) ? em.find(ApiToken.class, tokenId) : null;
        if (token == null || !token.getFranchiseId().equals(callers.current().franchiseId())) {
            throw new NotFoundException("apiToken", tokenId);
        }
        return token;
    }
}
