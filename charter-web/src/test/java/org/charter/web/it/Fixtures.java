package org.charter.web.it;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import org.charter.model.people.Account;
import org.charter.model.people.Role;

/**
 * Test data that no screen creates yet: the platform administrator the tests act as, and publication of a
 * frozen version (the rollout and its gate, which decide publication in the product, come with their own
 * feature; here the version goes through the same entity transitions the database allows).
 */
@Stateless
public class Fixtures {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @jakarta.inject.Inject
    org.charter.service.tenancy.TenantSession tenantSession;

    public void publish(String franchiseId, String versionId, java.time.LocalDate effective) {
        tenantSession.enter(franchiseId);
        for (org.charter.model.charter.CharterVersion inForce : em.createQuery(
                        "select v from CharterVersion v where v.status = :published",
                        org.charter.model.charter.CharterVersion.class)
                .setParameter("published", org.charter.model.charter.VersionStatus.PUBLISHED)
                .getResultList()) {
            inForce.supersede();
        }
        em.flush();
        org.charter.model.charter.CharterVersion version =
                em.find(org.charter.model.charter.CharterVersion.class, versionId);
        version.startRollout();
        em.flush();
        version.publish(effective, java.time.OffsetDateTime.now());
    }

    public void ensurePlatformAdmin(String username) {
        if (em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username)
                .getResultList()
                .isEmpty()) {
            em.persist(new Account(null, username, Set.of(Role.PLATFORM_ADMIN)));
        }
    }
}
