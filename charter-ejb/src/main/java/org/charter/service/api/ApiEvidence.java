package org.charter.service.api;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.people.Role;
import org.charter.service.database.Rows;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/**
 * What auditors and reports read: compliance per store and version, the signatures, and the complaints. Lists
 * run in the order things happened and always give a cursor, also on their last page, so that a reader comes back
 * later with it and gets only what is new (an empty page: nothing new yet). Each query names the token's franchise, and the database's tenant policy holds as well.
 */
@Stateless
@Guarded
@Permit(Role.API_READ)
public class ApiEvidence {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    /** The version in rollout, else the one in force, or the version with {@code number}. */
    public ComplianceRecord compliance(Integer number) {
        jakarta.persistence.Query query = nativeQuery(
                        "select id, number, status from charter_version where tenant_id = cast(?1 as uuid)"
                                + (number == null
                                        ? " and status in ('ROLLOUT', 'PUBLISHED')"
                                                + " order by (status = 'ROLLOUT') desc, number desc"
                                        : " and number = ?2")
                                + " limit 1")
                .setParameter(1, franchise());
        if (number != null) {
            query.setParameter(2, number);
        }
        List<?> versions = query.getResultList();
        if (versions.isEmpty()) {
            throw new NotFoundException("version", number == null ? "" : number);
        }
        Object[] version = (Object[]) versions.get(0);
        List<ComplianceRecord.Store> stores = Rows.list(
                        nativeQuery("select s.code, s.name, coalesce(r.required, 0), coalesce(r.completed, 0),"
                                        + " coalesce(r.excused, 0), coalesce(r.open, 0)"
                                        + " from store s left join compliance_rollup r on r.store_id = s.id"
                                        + " and r.version_id = cast(?2 as uuid)"
                                        + " where s.tenant_id = cast(?1 as uuid) order by s.code")
                                .setParameter(1, franchise())
                                .setParameter(2, String.valueOf(version[0])))
                .stream()
                .map(row -> new ComplianceRecord.Store(
                        (String) row[0],
                        (String) row[1],
                        integer(row[2]),
                        integer(row[3]),
                        integer(row[4]),
                        integer(row[5])))
                .toList();
        return new ComplianceRecord(integer(version[1]), (String) version[2], stores);
    }

    /** Signatures in the order they were made, after the one the cursor names. */
    public Slice<AcknowledgementRecord> acknowledgements(String after, int limit) {
        int size = pageSize(limit);
        Position from = Position.parse(after);
        List<AcknowledgementRecord> page = Rows.list(nativeQuery("select a.id, p.employee_number, p.full_name,"
                                + " (select s.code from store_membership m join store s on s.id = m.store_id"
                                + "   where m.person_id = p.id and m.role = 'STAFF' order by s.code limit 1),"
                                + " v.number, a.locale, a.content_sha256, a.statement, a.typed_name, a.signed_at,"
                                + " a.auth_method"
                                + " from acknowledgement a join person p on p.id = a.person_id"
                                + " join charter_version v on v.id = a.version_id"
                                + " where a.tenant_id = cast(?1 as uuid) and (a.signed_at, a.id) > (?2, cast(?3 as uuid))"
                                + " order by a.signed_at, a.id limit ?4")
                        .setParameter(1, franchise())
                        .setParameter(2, from.at())
                        .setParameter(3, from.id())
                        .setParameter(4, size + 1))
                .stream()
                .map(row -> new AcknowledgementRecord(
                        String.valueOf(row[0]),
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        integer(row[4]),
                        (String) row[5],
                        (String) row[6],
                        (String) row[7],
                        (String) row[8],
                        time(row[9]),
                        (String) row[10]))
                .toList();
        List<AcknowledgementRecord> items = page.stream().limit(size).toList();
        return new Slice<>(
                items,
                items.isEmpty()
                        ? from.toString()
                        : new Position(
                                        items.get(items.size() - 1).signedAt(),
                                        items.get(items.size() - 1).id())
                                .toString());
    }

    /** Complaints in the order they came in, after the one the cursor names; erased messages stay erased. */
    public Slice<ComplaintRecord> complaints(String after, int limit) {
        int size = pageSize(limit);
        Position from = Position.parse(after);
        List<Object[]> page = Rows.list(nativeQuery("select f.reference, s.code, f.channel, f.status, f.rating,"
                        + " case when f.erased_at is null then f.message end, f.received_at,"
                        + " f.response_due_at, f.responded_at, f.resolution_due_at, f.resolved_at,"
                        + " coalesce(coalesce(f.responded_at, now()) > f.response_due_at, false),"
                        + " coalesce(coalesce(f.resolved_at, now()) > f.resolution_due_at, false), f.id"
                        + " from feedback f join store s on s.id = f.store_id"
                        + " where f.tenant_id = cast(?1 as uuid) and f.kind = 'COMPLAINT'"
                        + " and (f.received_at, f.id) > (?2, cast(?3 as uuid))"
                        + " order by f.received_at, f.id limit ?4")
                .setParameter(1, franchise())
                .setParameter(2, from.at())
                .setParameter(3, from.id())
                .setParameter(4, size + 1));
        List<ComplaintRecord> items = page.stream()
                .limit(size)
                .map(row -> new ComplaintRecord(
                        (String) row[0],
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        row[4] == null ? null : integer(row[4]),
                        (String) row[5],
                        time(row[6]),
                        time(row[7]),
                        time(row[8]),
                        time(row[9]),
                        time(row[10]),
                        (Boolean) row[11],
                        (Boolean) row[12]))
                .toList();
        String next = from.toString();
        if (!items.isEmpty()) {
            Object[] last = page.get(items.size() - 1);
            next = new Position(time(last[6]), String.valueOf(last[13])).toString();
        }
        return new Slice<>(items, next);
    }

    /** Where a chronological list stopped: the time and the id of the last record read. */
    record Position(OffsetDateTime at, String id) {

        private static final Position START = new Position(
                OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), new java.util.UUID(0, 0).toString());

        static Position parse(String cursor) {
            if (cursor == null) {
                return START;
            }
            int bar = cursor.indexOf('|');
            try {
                if (bar > 0 && Ids.isWellFormed(cursor.substring(bar + 1))) {
                    return new Position(OffsetDateTime.parse(cursor.substring(0, bar)), cursor.substring(bar + 1));
                }
            } catch (DateTimeParseException e) {
                // refused below
            }
            throw new BusinessException("api.error.cursor");
        }

        @Override
        public String toString() {
            return at.withOffsetSameInstant(ZoneOffset.UTC) + "|" + id;
        }
    }

    private String franchise() {
        return callers.current().franchiseId();
    }

    private static int integer(Object value) {
        return ((Number) value).intValue();
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime at) {
            return at;
        }
        if (value instanceof java.sql.Timestamp stamp) {
            return stamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }

    private static int pageSize(int limit) {
        return limit < 1 ? 100 : Math.min(limit, ApiDirectory.MAX_LIMIT);
    }

    private jakarta.persistence.Query nativeQuery(String sql) {
        return Rows.nativeQuery(em, sql);
    }
}
