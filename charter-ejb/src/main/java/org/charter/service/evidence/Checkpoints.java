package org.charter.service.evidence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.charter.service.database.Rows;
import org.charter.service.tenancy.TenantSession;
import org.eclipse.persistence.config.QueryHints;

/**
 * Checkpoints of one franchise's evidence, and the check that recomputes them. Works for the franchise it is
 * given: callers are the guarded {@link EvidenceService} (the signed-in franchise) and the schedule (every
 * franchise in turn), nothing that takes a franchise from a request.
 *
 * <p>Signing takes no lock and writes nothing but its own row, stamped with its transaction's id. A checkpoint
 * takes the rows of every transaction that had ended before it began (ids below the oldest transaction still
 * running anywhere), which no later commit can add to, in (transaction, id) order, and extends the franchise's
 * running hash over each (canonical record of the previous hash and the row). It records the audit trail's head
 * the same way, chains itself to the previous checkpoint and is signed with {@link EvidenceKey}. Only one
 * checkpoint of a franchise is worked on at a time (an advisory lock held to the end of its transaction).
 */
@Stateless
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class.getName());

    /** Rows read per round trip when hashing. */
    private static final int PAGE = 1000;

    /** Above every transaction id the database will hand out. */
    private static final String NO_LIMIT = Long.toString(Long.MAX_VALUE);

    private static final String UTC_TEXT = "'YYYY-MM-DD\"T\"HH24:MI:SS.US'";
    private static final String CHAIN_KEY = "coalesce(recorded_xid, '0'::xid8)";

    /** A table whose rows are chained in checkpoints: its tag and every column, as text, in record order. */
    enum Chained {
        ACKNOWLEDGEMENT(
                "acknowledgement",
                "acknowledgement/1",
                "id::text, tenant_id::text, person_id::text, version_id::text, locale, content_sha256, statement,"
                        + " typed_name, to_char(signed_at at time zone 'UTC', " + UTC_TEXT + "), client_address,"
                        + " user_agent, auth_method, session_id::text, recorded_xid::text"),
        QUIZ_ATTEMPT(
                "quiz_attempt",
                "quiz_attempt/1",
                "id::text, tenant_id::text, person_id::text, version_id::text, locale, correct::text,"
                        + " questions::text, passed::text, answers, session_id::text,"
                        + " to_char(attempted_at at time zone 'UTC', " + UTC_TEXT + "), recorded_xid::text");

        final String table;
        final String tag;
        final String columns;

        Chained(String table, String tag, String columns) {
            this.table = table;
            this.tag = tag;
            this.columns = columns;
        }
    }

    /** One stored checkpoint, every field as it goes into its record. */
    record Stored(
            long seq,
            String createdAt,
            String horizon,
            long auditSeq,
            long auditCount,
            String auditHead,
            long ackCount,
            String ackHead,
            long attemptCount,
            String attemptHead,
            String prevHead,
            String head,
            String keyId,
            String hmac,
            java.time.OffsetDateTime createdAtInstant) {

        ChainHead chainHead() {
            return new ChainHead(seq, createdAtInstant, head);
        }
    }

    /** A count and a running hash. */
    record Tally(long count, String head) {}

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    TenantSession tenantSession;

    @Inject
    EvidenceKey key;

    /**
     * Takes a checkpoint of the franchise's evidence when anything was added since the last one, in a
     * transaction of its own. With {@code wait}, waits (up to 10 s) for a checkpoint another instance is taking;
     * without, leaves the work to it. Returns the newest checkpoint, new or not; empty when the franchise has no
     * evidence yet or another instance is at work.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<ChainHead> take(String franchiseId, boolean wait) {
        tenantSession.enter(franchiseId);
        if (wait) {
            nativeQuery("select set_config('lock_timeout', '10s', true)").getSingleResult();
            nativeQuery("select count(*) from (select pg_advisory_xact_lock("
                            + "hashtextextended('evidence_checkpoint:' || ?1, 0))) locked")
                    .setParameter(1, franchiseId)
                    .getSingleResult();
        } else if (!Boolean.TRUE.equals(
                nativeQuery("select pg_try_advisory_xact_lock(hashtextextended('evidence_checkpoint:' || ?1, 0))")
                        .setParameter(1, franchiseId)
                        .getSingleResult())) {
            return Optional.empty();
        }
        // first thing after the lock, before this transaction has an id of its own
        String horizon = (String) nativeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text")
                .getSingleResult();
        List<Stored> all = stored(franchiseId);
        Stored previous = all.isEmpty() ? null : all.get(all.size() - 1);
        String from = previous == null ? "0" : previous.horizon();
        if (Long.parseLong(horizon) < Long.parseLong(from)) {
            LOG.severe(() -> "Evidence checkpoints of franchise " + franchiseId + " stopped: the database's"
                    + " transaction ids (" + horizon + ") are below the last checkpoint's (" + from + "), as after a"
                    + " restore into a new cluster (docs/operations.md, \"Evidence\")");
            return Optional.of(previous.chainHead());
        }
        Tally acks = extend(
                franchiseId,
                Chained.ACKNOWLEDGEMENT,
                from,
                horizon,
                previous == null
                        ? new Tally(0, CanonicalRecord.GENESIS)
                        : new Tally(previous.ackCount(), previous.ackHead()));
        Tally attempts = extend(
                franchiseId,
                Chained.QUIZ_ATTEMPT,
                from,
                horizon,
                previous == null
                        ? new Tally(0, CanonicalRecord.GENESIS)
                        : new Tally(previous.attemptCount(), previous.attemptHead()));
        long auditFrom = previous == null ? 0 : previous.auditSeq();
        Object[] audit = (Object[])
                nativeQuery("select count(*), max(seq) from audit_entry where tenant_id = ?1::uuid and seq > ?2")
                        .setParameter(1, franchiseId)
                        .setParameter(2, auditFrom)
                        .getSingleResult();
        long newAudit = ((Number) audit[0]).longValue();
        long ackAdded = acks.count() - (previous == null ? 0 : previous.ackCount());
        long attemptAdded = attempts.count() - (previous == null ? 0 : previous.attemptCount());
        if (newAudit == 0 && ackAdded == 0 && attemptAdded == 0) {
            return Optional.ofNullable(previous).map(Stored::chainHead);
        }
        long auditSeq = newAudit == 0 ? auditFrom : ((Number) audit[1]).longValue();
        long auditCount = (previous == null ? 0 : previous.auditCount()) + newAudit;
        String auditHead = newAudit == 0
                ? (previous == null ? CanonicalRecord.GENESIS : previous.auditHead())
                : (String) nativeQuery("select hash from audit_entry where tenant_id = ?1::uuid and seq = ?2")
                        .setParameter(1, franchiseId)
                        .setParameter(2, auditSeq)
                        .getSingleResult();
        String createdAt =
                (String) nativeQuery("select to_char(clock_timestamp() at time zone 'UTC', " + UTC_TEXT + ")")
                        .getSingleResult();
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prevHead = previous == null ? CanonicalRecord.GENESIS : previous.head();
        CanonicalRecord record =
                record(franchiseId, seq, createdAt, horizon, auditSeq, auditCount, auditHead, acks, attempts, prevHead);
        String head = record.sha256();
        nativeQuery("insert into evidence_checkpoint (id, tenant_id, seq, created_at, xid_horizon, audit_seq,"
                        + " audit_count, audit_head, ack_count, ack_head, attempt_count, attempt_head, prev_head, head,"
                        + " key_id, hmac) values (gen_random_uuid(), ?1::uuid, ?2, (?3::timestamp at time zone 'UTC'),"
                        + " ?4::xid8, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)")
                .setParameter(1, franchiseId)
                .setParameter(2, seq)
                .setParameter(3, createdAt)
                .setParameter(4, horizon)
                .setParameter(5, auditSeq)
                .setParameter(6, auditCount)
                .setParameter(7, auditHead)
                .setParameter(8, acks.count())
                .setParameter(9, acks.head())
                .setParameter(10, attempts.count())
                .setParameter(11, attempts.head())
                .setParameter(12, prevHead)
                .setParameter(13, head)
                .setParameter(14, key.id())
                .setParameter(15, record.hmac(key.key()))
                .executeUpdate();
        return Optional.of(new ChainHead(
                seq,
                Rows.instant(nativeQuery(
                                "select created_at from evidence_checkpoint where tenant_id = ?1::uuid and seq = ?2")
                        .setParameter(1, franchiseId)
                        .setParameter(2, seq)
                        .getSingleResult()),
                head));
    }

    /** The franchise's newest checkpoint, if it has one. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<ChainHead> head(String franchiseId) {
        tenantSession.enter(franchiseId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = nativeQuery("select seq, created_at, head from evidence_checkpoint"
                        + " where tenant_id = ?1::uuid order by seq desc limit 1")
                .setParameter(1, franchiseId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new ChainHead(((Number) r[0]).longValue(), Rows.instant(r[1]), (String) r[2]));
    }

    /** Recomputes the franchise's audit trail, signatures, quiz tries and checkpoints (see {@link EvidenceCheck}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public EvidenceCheck check(String franchiseId) {
        tenantSession.enter(franchiseId);
        List<Stored> checkpoints = stored(franchiseId);
        long checkpointsBroken = checkCheckpoints(franchiseId, checkpoints);
        AuditChain.Result audit = new AuditChain(this::nativeQuery).verify(franchiseId, checkpoints);
        long[] acks = checkRanges(franchiseId, Chained.ACKNOWLEDGEMENT, checkpoints);
        long[] attempts = checkRanges(franchiseId, Chained.QUIZ_ATTEMPT, checkpoints);
        return new EvidenceCheck(
                audit.rows(),
                audit.broken(),
                acks[0],
                acks[1],
                attempts[0],
                attempts[1],
                checkpoints.size(),
                checkpointsBroken,
                audit.pending() + acks[2] + attempts[2],
                checkpoints.isEmpty()
                        ? null
                        : checkpoints.get(checkpoints.size() - 1).chainHead());
    }

    /** The audit trail alone: rows that do not hash or link, and checkpoints whose audit head no longer matches. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public long auditFindings(String franchiseId) {
        tenantSession.enter(franchiseId);
        return new AuditChain(this::nativeQuery)
                .verify(franchiseId, stored(franchiseId))
                .broken();
    }

    // ---------------------------------------------------------------------------------------------------------

    private CanonicalRecord record(
            String franchiseId,
            long seq,
            String createdAt,
            String horizon,
            long auditSeq,
            long auditCount,
            String auditHead,
            Tally acks,
            Tally attempts,
            String prevHead) {
        return CanonicalRecord.of("evidence_checkpoint/1")
                .add(franchiseId)
                .add(seq)
                .add(createdAt)
                .add(horizon)
                .add(auditSeq)
                .add(auditCount)
                .add(auditHead)
                .add(acks.count())
                .add(acks.head())
                .add(attempts.count())
                .add(attempts.head())
                .add(prevHead);
    }

    /** Every checkpoint of the franchise, oldest first. */
    List<Stored> stored(String franchiseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = nativeQuery("select seq, to_char(created_at at time zone 'UTC', " + UTC_TEXT + "),"
                        + " xid_horizon::text, audit_seq, audit_count, audit_head, ack_count, ack_head, attempt_count,"
                        + " attempt_head, prev_head, head, key_id, hmac, created_at"
                        + " from evidence_checkpoint where tenant_id = ?1::uuid order by seq")
                .setParameter(1, franchiseId)
                .getResultList();
        List<Stored> stored = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            stored.add(new Stored(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue(),
                    (String) r[5],
                    ((Number) r[6]).longValue(),
                    (String) r[7],
                    ((Number) r[8]).longValue(),
                    (String) r[9],
                    (String) r[10],
                    (String) r[11],
                    (String) r[12],
                    (String) r[13],
                    Rows.instant(r[14])));
        }
        return stored;
    }

    /** Checkpoints out of sequence, not linked to the one before, whose hash or HMAC does not match. */
    private long checkCheckpoints(String franchiseId, List<Stored> checkpoints) {
        long broken = 0;
        String prevHead = CanonicalRecord.GENESIS;
        long expectedSeq = 1;
        long horizon = 0;
        long auditSeq = 0;
        for (Stored c : checkpoints) {
            CanonicalRecord record = record(
                    franchiseId,
                    c.seq(),
                    c.createdAt(),
                    c.horizon(),
                    c.auditSeq(),
                    c.auditCount(),
                    c.auditHead(),
                    new Tally(c.ackCount(), c.ackHead()),
                    new Tally(c.attemptCount(), c.attemptHead()),
                    c.prevHead());
            boolean ok = c.seq() == expectedSeq
                    && c.prevHead().equals(prevHead)
                    && c.head().equals(record.sha256())
                    && c.keyId().equals(key.id())
                    && c.hmac().equals(record.hmac(key.key()))
                    && Long.parseLong(c.horizon()) >= horizon
                    && c.auditSeq() >= auditSeq;
            if (!ok) {
                broken++;
                if (!c.keyId().equals(key.id())) {
                    LOG.warning(() -> "Checkpoint " + c.seq() + " of franchise " + franchiseId
                            + " was signed with another evidence key (" + c.keyId() + ")");
                }
            }
            prevHead = c.head();
            expectedSeq = c.seq() + 1;
            horizon = Math.max(horizon, Long.parseLong(c.horizon()));
            auditSeq = Math.max(auditSeq, c.auditSeq());
        }
        return broken;
    }

    /**
     * Recomputes a chained table against the checkpoints: {rows, checkpoint ranges that do not match, rows after
     * the newest checkpoint}. After a range that does not match, the next one starts again from the checkpoint's
     * own figures, so each changed range counts once.
     */
    private long[] checkRanges(String franchiseId, Chained chained, List<Stored> checkpoints) {
        long broken = 0;
        long rows = 0;
        String from = "0";
        Tally tally = new Tally(0, CanonicalRecord.GENESIS);
        for (Stored c : checkpoints) {
            Tally expected = chained == Chained.ACKNOWLEDGEMENT
                    ? new Tally(c.ackCount(), c.ackHead())
                    : new Tally(c.attemptCount(), c.attemptHead());
            if (Long.parseLong(c.horizon()) < Long.parseLong(from)) {
                continue; // out of order: already counted among the broken checkpoints
            }
            Tally reached = extend(franchiseId, chained, from, c.horizon(), tally);
            rows += reached.count() - tally.count();
            if (!reached.equals(expected)) {
                broken++;
            }
            tally = expected;
            from = c.horizon();
        }
        Tally after = extend(franchiseId, chained, from, NO_LIMIT, new Tally(0, CanonicalRecord.GENESIS));
        rows += after.count();
        return new long[] {rows, broken, after.count()};
    }

    /**
     * Extends {@code start} over the rows of the franchise in {@code chained} whose transaction id lies in
     * [{@code from}, {@code below}), in chain order.
     */
    private Tally extend(String franchiseId, Chained chained, String from, String below, Tally start) {
        long count = start.count();
        String head = start.head();
        // One ordered query, read PAGE rows at a time through the driver's cursor. Paging by a condition on the
        // chain key would sort the franchise's rows once for every page: under row-level security that
        // condition cannot use the chain index (its operators are not leakproof).
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement statement = connection.prepareStatement("select " + chained.columns + " from "
                + chained.table + " where tenant_id = ?::uuid and " + CHAIN_KEY + " >= ?::xid8 and " + CHAIN_KEY
                + " < ?::xid8 order by " + CHAIN_KEY + ", " + chained.table + ".id")) {
            statement.setFetchSize(PAGE);
            statement.setString(1, franchiseId);
            statement.setString(2, from);
            statement.setString(3, below);
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    CanonicalRecord record = CanonicalRecord.of(chained.tag).add(head);
                    for (int i = 1; i <= columns; i++) {
                        record.add(rows.getString(i));
                    }
                    head = record.sha256();
                    count++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the evidence of franchise " + franchiseId, e);
        }
        return new Tally(count, head);
    }

    jakarta.persistence.Query nativeQuery(String sql) {
        return em.createNativeQuery(sql).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true);
    }
}
