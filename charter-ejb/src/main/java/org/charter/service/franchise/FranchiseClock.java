package org.charter.service.franchise;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneId;
import org.charter.model.franchise.Franchise;
import org.charter.model.people.Role;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/** The caller's franchise's time zone, in which the pages show every time. */
@Stateless
@Guarded
@Permit({Role.HQ_ADMIN, Role.STORE_MANAGER, Role.EMPLOYEE})
public class FranchiseClock {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    public ZoneId zone() {
        return ZoneId.of(
                em.find(Franchise.class, callers.current().franchiseId()).getTimeZone());
    }
}
