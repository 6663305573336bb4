package org.charter.service.franchise;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Franchise;
import org.charter.model.people.Role;
import org.charter.service.audit.AuditTrail;
import org.charter.service.people.Enrolment;
import org.charter.service.people.Issued;
import org.charter.service.people.PersonForm;
import org.charter.service.publication.FranchiseDirectory;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.charter.service.tenancy.TenantSession;

/**
 * The platform administrator's side: onboarding a franchise with its first HQ administrator, suspending and
 * reactivating it. It reads the tenant registry only, never a franchise's content; where it writes into a
 * franchise (the first account, the audit line) it binds that franchise explicitly, first thing.
 */
@Stateless
@Guarded
@Permit(Role.PLATFORM_ADMIN)
public class FranchiseService {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    FranchiseDirectory directory;

    @Inject
    TenantSession tenantSession;

    @Inject
    Enrolment enrolment;

    @Inject
    AuditTrail audit;

    public List<Franchise> listFranchises() {
        return em.createQuery("select f from Franchise f order by lower(f.name)", Franchise.class)
                .getResultList();
    }

    public Issued onboard(NewFranchise request) {
        Franchise franchise = new Franchise(
                request.name(), request.slug(), request.defaultLanguage(), request.languages(), request.timeZone());
        tenantSession.enter(franchise.getId());
        if (!em.createQuery("select f.id from Franchise f where f.slug = :slug", String.class)
                .setParameter("slug", franchise.getSlug())
                .getResultList()
                .isEmpty()) {
            throw new BusinessException("error.franchise.slugTaken", franchise.getSlug());
        }
        em.persist(franchise);
        em.flush();
        Enrolment.Enrolled admin = enrolment.enrol(
                franchise.getId(),
                new PersonForm(
                        request.adminFullName(),
                        request.adminUsername(),
                        null,
                        null,
                        request.defaultLanguage(),
                        null,
                        0),
                EnumSet.of(Role.HQ_ADMIN));
        audit.record("franchise.onboarded", "franchise", franchise.getId(), franchise.getName());
        audit.record(
                "person.appointedHq",
                "person",
                admin.person().getId(),
                admin.person().getFullName());
        return admin.issued();
    }

    public Franchise suspend(String franchiseId) {
        Franchise franchise = enterAndGet(franchiseId);
        franchise.suspend();
        directory.forget(franchise.getId());
        audit.record("franchise.suspended", "franchise", franchise.getId(), franchise.getName());
        return franchise;
    }

    public Franchise reactivate(String franchiseId) {
        Franchise franchise = enterAndGet(franchiseId);
        franchise.reactivate();
        directory.forget(franchise.getId());
        audit.record("franchise.reactivated", "franchise", franchise.getId(), franchise.getName());
        return franchise;
    }

    private Franchise enterAndGet(String franchiseId) {
        if (!Ids.isWellFormed(franchiseId)) {
            throw new NotFoundException("franchise", franchiseId);
        }
        tenantSession.enter(franchiseId);
        Franchise franchise = em.find(Franchise.class, franchiseId);
        if (franchise == null) {
            throw new NotFoundException("franchise", franchiseId);
        }
        return franchise;
    }
}
