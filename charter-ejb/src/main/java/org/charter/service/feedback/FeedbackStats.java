package org.charter.service.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import org.charter.service.notice.PlanStep;
import org.eclipse.persistence.config.QueryHints;

/**
 * The sums headquarters' overview reads ({@code feedback_month}: per store, month in the franchise's zone, kind
 * and section), brought up to date by the engine's planning round ({@link PlanStep}, once a minute) from the
 * groups the database marked as changed ({@code feedback_changed}). The marks are taken and the groups summed in
 * two statements, so that the sums come from a snapshot taken after the marks: a write that was committing while
 * the marks were taken holds its mark until it has committed, and is summed; one that commits later leaves a new
 * mark for the next round. Until then the overview sums marked groups from the feedback itself ({@link #GROUPS}),
 * so it is never behind and never writes. One round per franchise at a time; another leaves the work to it.
 */
@ApplicationScoped
public class FeedbackStats implements PlanStep {

    /**
     * The sums of groups (a relation {@code g (store_id, month)}, given as {@code %s}) from their feedback, in the
     * columns of {@code feedback_month}; {@code ?1} is the franchise.
     */
    static final String GROUPS = "select fb.tenant_id, fb.store_id, g.month, fb.kind, fb.section_id, count(*) as total,"
            + " count(*) filter (where fb.response_due_at is not null and fb.responded_at is not null)"
            + "  as response_measured,"
            + " count(*) filter (where fb.responded_at <= fb.response_due_at) as response_met,"
            + " count(*) filter (where fb.resolution_due_at is not null and fb.resolved_at is not null)"
            + "  as resolution_measured,"
            + " count(*) filter (where fb.resolved_at <= fb.resolution_due_at) as resolution_met,"
            + " count(*) filter (where fb.kind = 'COMPLAINT' and fb.responded_at is not null) as responded,"
            + " coalesce(sum(extract(epoch from fb.responded_at - fb.received_at) / 3600)"
            + "  filter (where fb.kind = 'COMPLAINT'), 0)::double precision as response_hours,"
            + " count(*) filter (where fb.kind = 'COMPLAINT' and fb.resolved_at is not null) as resolved,"
            + " coalesce(sum(extract(epoch from fb.resolved_at - fb.received_at) / 3600)"
            + "  filter (where fb.kind = 'COMPLAINT'), 0)::double precision as resolution_hours,"
            // a customer who left an address (or whose address was erased since) could be replied to
            + " count(*) filter (where fb.consent and (fb.contact_email is not null or fb.erased_at is not null))"
            + "  as reachable,"
            + " count(*) filter (where fb.replied) as replied, count(fb.reply_rating) as rated,"
            + " coalesce(sum(fb.reply_rating), 0) as rating_sum"
            + " from %s"
            + " cross join (select time_zone from franchise where id = cast(?1 as uuid)) fz"
            + " join feedback fb on fb.tenant_id = cast(?1 as uuid) and fb.store_id = g.store_id"
            + "  and fb.received_at >= (g.month::timestamp at time zone fz.time_zone)"
            + "  and fb.received_at < ((g.month + interval '1 month')::timestamp at time zone fz.time_zone)"
            + " group by fb.tenant_id, fb.store_id, g.month, fb.kind, fb.section_id";

    @Override
    public void plan(String franchiseId, OffsetDateTime now) {
        refresh(franchiseId);
    }

    private static final String SUMS = "insert into feedback_month (tenant_id, store_id, month, kind, section_id,"
            + " total, response_measured, response_met, resolution_measured, resolution_met, responded, response_hours,"
            + " resolved, resolution_hours, reachable, replied, rated, rating_sum) "
            + GROUPS.formatted("unnest(cast(?2 as uuid[]), cast(?3 as date[])) as g (store_id, month)");

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    /** Brings the franchise's sums up to date; returns how many groups were summed again (0 when another was). */
    public int refresh(String franchiseId) {
        Object locked = em.createNativeQuery(
                        "select pg_try_advisory_xact_lock(hashtextextended('feedback_month:' || ?1, 0))")
                .setParameter(1, franchiseId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> changed = em.createNativeQuery("delete from feedback_changed where tenant_id = cast(?1 as uuid)"
                        + " returning store_id::text, month::text")
                .setParameter(1, franchiseId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        if (changed.isEmpty()) {
            return 0;
        }
        String stores = array(changed, 0);
        String months = array(changed, 1);
        em.createNativeQuery("delete from feedback_month m using unnest(cast(?2 as uuid[]), cast(?3 as date[]))"
                        + " as g (store_id, month) where m.tenant_id = cast(?1 as uuid) and m.store_id = g.store_id"
                        + " and m.month = g.month")
                .setParameter(1, franchiseId)
                .setParameter(2, stores)
                .setParameter(3, months)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
        em.createNativeQuery(SUMS)
                .setParameter(1, franchiseId)
                .setParameter(2, stores)
                .setParameter(3, months)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
        return changed.size();
    }

    /** A column of rows as a PostgreSQL array literal. */
    static String array(List<Object[]> rows, int column) {
        StringBuilder array = new StringBuilder("{");
        for (Object[] row : rows) {
            if (array.length() > 1) {
                array.append(',');
            }
            array.append(row[column]);
        }
        return array.append('}').toString();
    }
}
