package org.charter.web.it;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import org.charter.model.people.Account;
import org.charter.model.people.Role;

/** Test data that no screen creates: the platform administrator the tests act as. */
@Stateless
public class Fixtures {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    public void ensurePlatformAdmin(String username) {
        if (em.createQuery("select a from Account a where a.username = :u", Account.class)
                .setParameter("u", username)
                .getResultList()
                .isEmpty()) {
            em.persist(new Account(null, username, Set.of(Role.PLATFORM_ADMIN)));
        }
    }
}
