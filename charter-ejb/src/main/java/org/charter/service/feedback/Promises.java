package org.charter.service.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.TargetUnit;
import org.charter.model.charter.VersionStatus;
import org.charter.model.feedback.Feedback;
import org.charter.model.feedback.FeedbackKind;
import org.eclipse.persistence.config.QueryHints;

/**
 * What the charter in force promised for a complaint on a channel: the standards of its complaints section for
 * that channel, in their order (the first is the first response, a second one the resolution); and the hours
 * they count in: the store's hours for that channel, else its in-person hours, else around the clock. Reads in the
 * caller's tenant.
 */
@ApplicationScoped
public class Promises {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    public Optional<CharterVersion> inForce() {
        return em.createQuery("select v from CharterVersion v where v.status = :published", CharterVersion.class)
                .setParameter("published", VersionStatus.PUBLISHED)
                .getResultStream()
                .findFirst();
    }

    /**
     * Sets the complaint's deadlines (and, for any feedback, the version it was told under), reading in one
     * statement the version in force, its complaint promises for the channel in their order, and the store's hours
     * for the channel (else its in-person hours).
     */
    public void measure(Feedback feedback) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select v.id::text, st.id::text, st.target_value, st.target_unit,"
                        + " (select c.hours from store_channel c where c.store_id = cast(?1 as uuid)"
                        + "  and c.kind in (?2, 'IN_PERSON') and c.hours is not null"
                        + "  order by (c.kind = ?2) desc, c.position limit 1)"
                        + " from charter_version v"
                        + " left join charter_section s on s.version_id = v.id and s.kind = 'COMPLAINTS' and ?3"
                        + " left join service_standard st on st.section_id = s.id and st.channel = ?2"
                        + " where v.status = 'PUBLISHED' order by st.position")
                .setParameter(1, feedback.getStoreId())
                .setParameter(2, feedback.getChannel().name())
                .setParameter(3, feedback.getKind() == FeedbackKind.COMPLAINT)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        if (rows.isEmpty()) {
            feedback.measure(null, null, null, null);
            return;
        }
        List<Feedback.Target> targets = rows.stream()
                .filter(r -> r[1] != null)
                .map(r -> {
                    TargetUnit unit = TargetUnit.valueOf((String) r[3]);
                    int value = ((Number) r[2]).intValue();
                    return new Feedback.Target((String) r[1], value, unit.name(), unit.of(value));
                })
                .toList();
        feedback.measure(
                (String) rows.get(0)[0],
                targets.isEmpty() ? null : targets.get(0),
                targets.size() < 2 ? null : targets.get(1),
                (String) rows.get(0)[4]);
    }
}
