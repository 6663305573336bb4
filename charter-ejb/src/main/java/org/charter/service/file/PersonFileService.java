package org.charter.service.file;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.people.Role;
import org.charter.service.database.Rows;
import org.charter.service.store.StoreScope;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.eclipse.persistence.config.QueryHints;

/**
 * A person's file for headquarters (anyone in the franchise) and store managers (people of the stores they
 * manage). Anyone else, and anyone of another franchise, is "not found".
 */
@Stateless
@Guarded
@Permit({Role.HQ_ADMIN, Role.STORE_MANAGER})
public class PersonFileService {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    StoreScope scope;

    public PersonFile file(String personId) {
        if (!Ids.isWellFormed(personId)) {
            throw new NotFoundException("person", personId);
        }
        List<Object[]> person = rows(
                "select p.id::text, p.full_name, p.employee_number, p.status, p.hire_date from person p"
                        + " where p.id = cast(?1 as uuid)",
                personId);
        List<Object[]> stores = rows(
                "select s.id::text, s.code || ' ' || s.name from store_membership m join store s on s.id = m.store_id"
                        + " where m.person_id = cast(?1 as uuid) order by s.code",
                personId);
        List<String> managed = scope.managedStoreIds();
        if (person.isEmpty() || managed != null && stores.stream().noneMatch(s -> managed.contains((String) s[0]))) {
            throw new NotFoundException("person", personId);
        }
        Object[] p = person.get(0);
        return new PersonFile(
                (String) p[0],
                (String) p[1],
                (String) p[2],
                (String) p[3],
                day(p[4]),
                stores.stream().map(s -> (String) s[1]).toList(),
                rows(
                                "select v.number, a.signed_at, a.locale, a.auth_method, a.content_sha256 from acknowledgement a"
                                        + " join charter_version v on v.id = a.version_id"
                                        + " where a.person_id = cast(?1 as uuid) order by a.signed_at desc",
                                personId)
                        .stream()
                        .map(r -> new PersonFile.Signature(
                                Rows.number(r[0]), at(r[1]), (String) r[2], (String) r[3], (String) r[4]))
                        .toList(),
                rows(
                                "select v.number, q.attempted_at, q.correct, q.questions, q.passed from quiz_attempt q"
                                        + " join charter_version v on v.id = q.version_id"
                                        + " where q.person_id = cast(?1 as uuid) order by q.attempted_at desc",
                                personId)
                        .stream()
                        .map(r -> new PersonFile.QuizTry(
                                Rows.number(r[0]),
                                at(r[1]),
                                Rows.number(r[2]),
                                Rows.number(r[3]),
                                Boolean.TRUE.equals(r[4])))
                        .toList(),
                rows(
                                "select v.number, a.excused_reason, a.excused_until, a.excused_by from assignment a"
                                        + " join charter_version v on v.id = a.version_id"
                                        + " where a.person_id = cast(?1 as uuid) and a.status = 'EXCUSED'"
                                        + " order by v.number desc",
                                personId)
                        .stream()
                        .map(r -> new PersonFile.Excuse(Rows.number(r[0]), (String) r[1], day(r[2]), (String) r[3]))
                        .toList(),
                rows(
                                "select t.starts_at, st.time_zone, t.place, t.trainer, s.attended from session_seat s"
                                        + " join training_session t on t.id = s.session_id"
                                        + " join store st on st.id = t.store_id"
                                        + " where s.person_id = cast(?1 as uuid) and not t.cancelled"
                                        + " order by t.starts_at desc",
                                personId)
                        .stream()
                        .map(r -> new PersonFile.Seat(
                                at(r[0]), (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4]))
                        .toList());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String personId) {
        return em.createNativeQuery(sql)
                .setParameter(1, personId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
    }

    private static OffsetDateTime at(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    private static LocalDate day(Object value) {
        return value == null ? null : ((Date) value).toLocalDate();
    }
}
