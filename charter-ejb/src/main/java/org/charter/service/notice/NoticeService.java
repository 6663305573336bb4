package org.charter.service.notice;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.people.Person;
import org.charter.model.people.Role;
import org.charter.service.database.DatabaseClock;
import org.charter.service.database.Rows;
import org.charter.service.people.PeopleService;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.eclipse.persistence.config.QueryHints;

/**
 * A person's own inbox: their notices newest first, the unread count for the header, marking read, and whether
 * optional notices reach them by mail too. Only ever the caller's own notices: another person's id is not found.
 */
@Stateless
@Guarded
@Permit({Role.HQ_ADMIN, Role.STORE_MANAGER, Role.EMPLOYEE})
public class NoticeService {

    /** The most an inbox page lists. */
    public static final int PAGE = 50;

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    DatabaseClock clock;

    @Inject
    PeopleService people;

    /** The caller's newest notices, at most {@link #PAGE}, each with what became of its mail (or null: none). */
    public List<NoticeLine> inbox() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select n.id::text, n.kind, n.params, n.link, n.mandatory,"
                        + " n.created_at, n.read_at is not null, n.mail_status from notice n"
                        + " where n.tenant_id = cast(?1 as uuid) and n.person_id = cast(?2 as uuid)"
                        + " order by n.created_at desc, n.id limit ?3")
                .setParameter(1, callers.current().franchiseId())
                .setParameter(2, me().getId())
                .setParameter(3, PAGE)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        List<NoticeLine> lines = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            lines.add(new NoticeLine(
                    (String) row[0],
                    NoticeKind.valueOf((String) row[1]),
                    (String) row[2],
                    (String) row[3],
                    (Boolean) row[4],
                    Rows.instant(row[5]),
                    (Boolean) row[6],
                    (String) row[7]));
        }
        return lines;
    }

    public long unreadCount() {
        // the person first, then their notices by the unique key's first two columns
        return ((Number) em.createNativeQuery("select count(*) from notice where tenant_id = cast(?1 as uuid)"
                                + " and person_id = cast(?2 as uuid) and read_at is null")
                        .setParameter(1, callers.current().franchiseId())
                        .setParameter(2, me().getId())
                        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                        .getSingleResult())
                .longValue();
    }

    /** Marks one of the caller's notices read and returns where it leads; another person's notice is not found. */
    public String open(String noticeId) {
        if (!Ids.isWellFormed(noticeId)) {
            throw new NotFoundException("notice", noticeId);
        }
        @SuppressWarnings("unchecked")
        List<Object> link = em.createNativeQuery(
                        "update notice set read_at = coalesce(read_at, cast(?4 as timestamptz))"
                                + " where tenant_id = cast(?1 as uuid) and person_id = cast(?2 as uuid) and id = cast(?3 as uuid)"
                                + " returning coalesce(link, '')")
                .setParameter(1, callers.current().franchiseId())
                .setParameter(2, me().getId())
                .setParameter(3, noticeId)
                .setParameter(4, clock.now())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        if (link.isEmpty()) {
            throw new NotFoundException("notice", noticeId);
        }
        return (String) link.get(0);
    }

    /** Marks every notice of the caller read; returns how many were unread. */
    public int markAllRead() {
        return em.createNativeQuery("update notice set read_at = cast(?3 as timestamptz)"
                        + " where tenant_id = cast(?1 as uuid) and person_id = cast(?2 as uuid) and read_at is null")
                .setParameter(1, callers.current().franchiseId())
                .setParameter(2, me().getId())
                .setParameter(3, clock.now())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
    }

    /** Whether optional notices (digests, session and deadline reminders) reach the caller by mail too. */
    public boolean optionalByMail() {
        return me().isOptionalByMail();
    }

    public void chooseOptionalByMail(boolean byMail) {
        me().chooseOptionalByMail(byMail);
    }

    /** Whether the caller has an address that mail can go to at all. */
    public boolean hasEmail() {
        String email = me().getEmail();
        return email != null && !email.isBlank();
    }

    /** The clock the caller reads times on: their first store's zone, else the franchise's. */
    public java.time.ZoneId zone() {
        Object zone = em.createNativeQuery("select coalesce((select s.time_zone from store_membership m"
                        + " join store s on s.id = m.store_id join person p on p.id = m.person_id"
                        + " where p.account_id = cast(?2 as uuid) order by s.code limit 1),"
                        + " (select f.time_zone from franchise f where f.id = cast(?1 as uuid)))")
                .setParameter(1, callers.current().franchiseId())
                .setParameter(2, callers.current().accountId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
        return java.time.ZoneId.of((String) zone);
    }

    private Person me() {
        return people.myself();
    }
}
