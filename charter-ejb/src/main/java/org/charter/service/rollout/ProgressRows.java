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
 * The lines of a version's progress, read from the roll-up and the assignments: stores (required, done, excused,
 * open) for the board and the manager's dashboard, and people (status, due day, excuse, next booked session) for
 * the store pages, the excuse list and the export. Runs in the caller's transaction, bound to the franchise.
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

    /**
     * Active stores' lines on the version, most open first: all of them, or only {@code onlyStores}; a page of
     * {@code limit} from {@code offset}, or every one when {@code limit} is null.
     */
    List<StoreProgress> stores(String versionId, List<String> onlyStores, Integer limit, int offset) {
        var query = em.createNativeQuery(
                        "select s.id, s.code, s.name, r.name, c.required, c.completed, c.excused, c.open"
                                + " from compliance_rollup c join store s on s.id = c.store_id and s.active"
                                + " left join region r on r.id = s.region_id where c.version_id = ?1 and c.tenant_id = ?2"
                                + (onlyStores == null ? "" : " and c.store_id = any (cast(?3 as uuid[]))")
                                + " order by c.open desc, s.code"
                                + (limit == null
                                        ? ""
                                        : " limit " + Math.max(1, Math.min(limit, 500)) + " offset "
                                                + Math.max(0, offset)))
                .setParameter(1, versionId)
                .setParameter(2, callers.current().franchiseId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true);
        if (onlyStores != null) {
            query.setParameter(3, "{" + String.join(",", onlyStores) + "}");
        }
        @SuppressWarnings("unchecked")
        List<Object> rows = query.getResultList();
        return rows.stream().map(StoreProgress::of).toList();
    }

    /** The excuses given on the version, soonest return first; at most {@code limit} when it is not null. */
    List<PersonProgress> excused(String versionId, Integer limit) {
        return find(
                PEOPLE + " and a.status = 'EXCUSED' order by a.excused_until, s.code, lower(p.full_name)"
                        + (limit == null ? "" : " limit " + limit),
                versionId,
                null);
    }

    /** People's lines: {@code sql} is {@link #PEOPLE} with more conditions; {@code ?3} an optional store. */
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
