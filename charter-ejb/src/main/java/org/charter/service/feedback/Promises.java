package org.charter.service.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.SectionKind;
import org.charter.model.charter.ServiceStandard;
import org.charter.model.charter.VersionStatus;
import org.charter.model.feedback.Feedback;
import org.charter.model.store.ChannelKind;

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

    /** Sets the complaint's deadlines (and, for any feedback, the version it was told under). */
    public void measure(Feedback feedback) {
        Optional<String> version = em.createQuery(
                        "select v.id from CharterVersion v where v.status = :published", String.class)
                .setParameter("published", VersionStatus.PUBLISHED)
                .getResultStream()
                .findFirst();
        if (version.isEmpty() || feedback.getKind() != org.charter.model.feedback.FeedbackKind.COMPLAINT) {
            feedback.measure(version.orElse(null), null, null, null);
            return;
        }
        List<ServiceStandard> standards = em.createQuery(
                        "select st from ServiceStandard st where st.section.charterVersion.id = :version"
                                + " and st.section.kind = :complaints and st.channel = :channel order by st.position",
                        ServiceStandard.class)
                .setParameter("version", version.get())
                .setParameter("complaints", SectionKind.COMPLAINTS)
                .setParameter("channel", feedback.getChannel())
                .getResultList();
        feedback.measure(
                version.get(),
                standards.isEmpty() ? null : target(standards.get(0)),
                standards.size() < 2 ? null : target(standards.get(1)),
                hours(feedback.getStoreId(), feedback.getChannel()));
    }

    private String hours(String storeId, ChannelKind channel) {
        List<Object[]> rows = em.createQuery(
                        "select c.kind, c.hours from ContactChannel c where c.store.id = :store"
                                + " and c.kind in :kinds and c.hours is not null order by c.position",
                        Object[].class)
                .setParameter("store", storeId)
                .setParameter("kinds", List.of(channel, ChannelKind.IN_PERSON))
                .getResultList();
        return rows.stream()
                .filter(r -> r[0] == channel)
                .findFirst()
                .or(() -> rows.stream().findFirst())
                .map(r -> (String) r[1])
                .orElse(null);
    }

    private static Feedback.Target target(ServiceStandard standard) {
        return new Feedback.Target(
                standard.getId(),
                standard.getTargetValue(),
                standard.getTargetUnit().name(),
                standard.target());
    }
}
