package org.charter.service.rollout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.charter.service.database.Rows;
import org.charter.service.tenancy.Callers;
import org.eclipse.persistence.config.QueryHints;

/**
 * People's lines on a version (status, due day, excuse, next booked session), for the board, the store pages and
 * the export. Runs in the caller's transaction, bound to the franchise; {@code ?1} is the version, {@code ?2}
 * the franchise, {@code ?3} an optional store.
 */
@ApplicationScoped
class ProgressRows {

    static final String PEOPLE = "select p.id::text, p.full_name, p.employee_number, rg.name, s.code,"
            + " a.status, a.due_date, a.completed_at, a.excused_reason, a.excused_until, a.excused_by,"
            + " (select min(t.starts_at) from session_seat seat join training_session t on t.id = seat.session_id"
            + "   where seat.person_id = p.id and t.version_id = a.version_id and not t.cancelled"
            + "   and t.starts_at + make_interval(mins => t.duration_minutes) > now()) at time zone s.time_zone"
            + " from assignment a join person p on p.id = a.person_id join store s on s.id = a.store_id"
            + " left join region rg on rg.id = s.region_id"
            + " where a.version_id = ?1 and a.tenant_id = ?2 and a.status <> 'WITHDRAWN'";

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    List<PersonProgress> find(String sql, String versionId, String storeId) {
        var query = em.createNativeQuery(sql)
                .setParameter(1, versionId)
                .setParameter(2, callers.current().franchiseId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true);
        if (storeId != null) {
            query.setParameter(3, storeId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = query.getResultList();
        return found.stream()
                .map(r -> new PersonProgress(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        Rows.day(r[6]),
                        Rows.instant(r[7]),
                        (String) r[8],
                        Rows.day(r[9]),
                        (String) r[10],
                        Rows.localTime(r[11])))
                .toList();
    }
}
