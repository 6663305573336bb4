package org.charter.service.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.feedback.Feedback;
import org.charter.service.store.StoreScope;

/**
 * Which cases the caller may act on: those of the stores in their scope (every store for headquarters). A case
 * outside it is "not found", exactly like another franchise's.
 */
@ApplicationScoped
public class CaseScope {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    StoreScope stores;

    public Feedback require(String id) {
        Feedback feedback = Ids.isWellFormed(id) ? em.find(Feedback.class, id) : null;
        if (feedback == null) {
            throw new NotFoundException("feedback", id);
        }
        try {
            stores.requireStore(feedback.getStoreId());
        } catch (NotFoundException e) {
            throw new NotFoundException("feedback", id);
        }
        return feedback;
    }
}
