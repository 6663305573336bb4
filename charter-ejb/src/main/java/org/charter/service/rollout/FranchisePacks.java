package org.charter.service.rollout;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.people.Role;
import org.charter.service.audit.AuditTrail;
import org.charter.service.database.DatabaseClock;
import org.charter.service.database.Rows;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/**
 * The evidence pack of a whole franchise for one version, too large to build while HQ waits: HQ asks for it, a
 * builder on the same instance writes it store by store in the background (its progress and the finished ZIP in
 * chunks go to the database, each step in a short transaction of its own), and HQ downloads it from any instance.
 * Every query names the caller's franchise; another franchise's job is "not found".
 */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class FranchisePacks {

    /** A running job that has not beaten for this long has lost its instance. */
    public static final Duration HEARTBEAT_LOST = Duration.ofMinutes(2);

    /** Finished packs are kept this long; asking for a new one clears older ones. */
    public static final Duration KEPT = Duration.ofDays(7);

    /** The chunks the finished ZIP is kept in. */
    public static final int CHUNK_BYTES = 4 * 1024 * 1024;

    private static final String COLUMNS = "id::text, version_number, status, stores_done, stores_total, requested_by,"
            + " requested_at, finished_at, size_bytes, sha256, problem, heartbeat_at";

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    DatabaseClock clock;

    @Inject
    AuditTrail audit;

    /** A job asked for: a new one the caller starts building, or the one already under way for that version. */
    public record Requested(String id, boolean created) {}

    /**
     * Asks for the pack of {@code versionNumber}: a new job, or the one already under way for that version. The
     * caller then starts the builder for a new one.
     */
    public Requested request(int versionNumber, String language) {
        String tenant = tenant();
        List<?> version = nativeQuery(
                        "select id::text from charter_version where tenant_id = cast(?1 as uuid)" + " and number = ?2")
                .setParameter(1, tenant)
                .setParameter(2, versionNumber)
                .getResultList();
        if (version.isEmpty()) {
            throw new NotFoundException("version", versionNumber);
        }
        OffsetDateTime now = clock.now();
        List<?> underway = nativeQuery("select id::text from evidence_pack_job where tenant_id = cast(?1 as uuid)"
                        + " and version_number = ?2 and status in ('QUEUED', 'RUNNING')"
                        + " and heartbeat_at > cast(?3 as timestamptz) for update")
                .setParameter(1, tenant)
                .setParameter(2, versionNumber)
                .setParameter(3, now.minus(HEARTBEAT_LOST))
                .getResultList();
        if (!underway.isEmpty()) {
            return new Requested(String.valueOf(underway.get(0)), false);
        }
        int stores = Rows.number(nativeQuery("select count(*) from store where tenant_id = cast(?1 as uuid)")
                .setParameter(1, tenant)
                .getSingleResult());
        if (stores == 0) {
            throw new BusinessException("evidence.noStores");
        }
        nativeQuery("delete from evidence_pack_job where tenant_id = cast(?1 as uuid)"
                        + " and requested_at < cast(?2 as timestamptz)")
                .setParameter(1, tenant)
                .setParameter(2, now.minus(KEPT))
                .executeUpdate();
        String id = Ids.newId();
        nativeQuery("insert into evidence_pack_job (id, tenant_id, version_number, language, status, stores_total,"
                        + " requested_by, requested_at, heartbeat_at)"
                        + " values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4, 'QUEUED', ?5, ?6,"
                        + " cast(?7 as timestamptz), cast(?7 as timestamptz))")
                .setParameter(1, id)
                .setParameter(2, tenant)
                .setParameter(3, versionNumber)
                .setParameter(4, language)
                .setParameter(5, stores)
                .setParameter(6, callers.current().username())
                .setParameter(7, now)
                .executeUpdate();
        audit.record(
                "evidencePack.requested", "evidencePack", id, "version " + versionNumber + ", " + stores + " stores");
        return new Requested(id, true);
    }

    /** The franchise's latest jobs, newest first. */
    public List<PackJob> list() {
        List<PackJob> jobs = new ArrayList<>();
        for (Object[] row : Rows.list(nativeQuery("select " + COLUMNS + " from evidence_pack_job"
                        + " where tenant_id = cast(?1 as uuid) order by requested_at desc limit 10")
                .setParameter(1, tenant()))) {
            jobs.add(job(row));
        }
        return jobs;
    }

    public PackJob job(String jobId) {
        return job(row(jobId));
    }

    /**
     * The franchise's stores, by code, in the order the pack lists them (a store nobody there was assigned to shows
     * that too); marks the job running.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> start(String jobId) {
        row(jobId); // another franchise's job is not found
        nativeQuery("update evidence_pack_job set status = 'RUNNING', heartbeat_at = now()"
                        + " where tenant_id = cast(?1 as uuid) and id = cast(?2 as uuid)")
                .setParameter(1, tenant())
                .setParameter(2, jobId)
                .executeUpdate();
        List<String> codes = new ArrayList<>();
        for (Object code : nativeQuery("select code from store where tenant_id = cast(?1 as uuid) order by code")
                .setParameter(1, tenant())
                .getResultList()) {
            codes.add(String.valueOf(code));
        }
        return codes;
    }

    /** Keeps the next chunk of the ZIP; counts the stores done so far; the job beats. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void progress(String jobId, int storesDone, int seq, byte[] chunk) {
        if (chunk != null) {
            nativeQuery("insert into evidence_pack_chunk (tenant_id, job_id, seq, bytes)"
                            + " values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4)")
                    .setParameter(1, tenant())
                    .setParameter(2, jobId)
                    .setParameter(3, seq)
                    .setParameter(4, chunk)
                    .executeUpdate();
        }
        nativeQuery("update evidence_pack_job set stores_done = greatest(stores_done, ?3), heartbeat_at = now()"
                        + " where tenant_id = cast(?1 as uuid) and id = cast(?2 as uuid) and status = 'RUNNING'")
                .setParameter(1, tenant())
                .setParameter(2, jobId)
                .setParameter(3, storesDone)
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finished(String jobId, long sizeBytes, String sha256) {
        nativeQuery("update evidence_pack_job set status = 'DONE', stores_done = stores_total, finished_at = now(),"
                        + " heartbeat_at = now(), size_bytes = ?3, sha256 = ?4"
                        + " where tenant_id = cast(?1 as uuid) and id = cast(?2 as uuid)")
                .setParameter(1, tenant())
                .setParameter(2, jobId)
                .setParameter(3, sizeBytes)
                .setParameter(4, sha256)
                .executeUpdate();
    }

    /** The build stopped: the job says why, and its chunks go. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String jobId, String problem) {
        String why = problem == null ? "unknown" : problem.length() > 500 ? problem.substring(0, 500) : problem;
        nativeQuery("delete from evidence_pack_chunk where tenant_id = cast(?1 as uuid) and job_id = cast(?2 as uuid)")
                .setParameter(1, tenant())
                .setParameter(2, jobId)
                .executeUpdate();
        nativeQuery("update evidence_pack_job set status = 'FAILED', finished_at = now(), problem = ?3"
                        + " where tenant_id = cast(?1 as uuid) and id = cast(?2 as uuid)")
                .setParameter(1, tenant())
                .setParameter(2, jobId)
                .setParameter(3, why)
                .executeUpdate();
    }

    /** How many chunks a finished pack has; refuses one that is not finished. */
    public int chunks(String jobId) {
        if (job(row(jobId)).state() != PackJob.State.DONE) {
            throw new NotFoundException("evidencePack", jobId);
        }
        return Rows.number(nativeQuery("select count(*) from evidence_pack_chunk"
                        + " where tenant_id = cast(?1 as uuid) and job_id = cast(?2 as uuid)")
                .setParameter(1, tenant())
                .setParameter(2, jobId)
                .getSingleResult());
    }

    /** One chunk of a finished pack, read on its own so that a large pack is never held whole. */
    public byte[] chunk(String jobId, int seq) {
        List<?> bytes = nativeQuery("select bytes from evidence_pack_chunk"
                        + " where tenant_id = cast(?1 as uuid) and job_id = cast(?2 as uuid) and seq = ?3")
                .setParameter(1, tenant())
                .setParameter(2, jobId)
                .setParameter(3, seq)
                .getResultList();
        if (bytes.isEmpty()) {
            throw new NotFoundException("evidencePack", jobId);
        }
        return (byte[]) bytes.get(0);
    }

    private Object[] row(String jobId) {
        if (!Ids.isWellFormed(jobId)) {
            throw new NotFoundException("evidencePack", jobId);
        }
        List<Object[]> rows = Rows.list(nativeQuery("select " + COLUMNS + " from evidence_pack_job"
                        + " where tenant_id = cast(?1 as uuid) and id = cast(?2 as uuid)")
                .setParameter(1, tenant())
                .setParameter(2, jobId));
        if (rows.isEmpty()) {
            throw new NotFoundException("evidencePack", jobId);
        }
        return rows.get(0);
    }

    private PackJob job(Object[] row) {
        PackJob.State state = PackJob.State.valueOf((String) row[2]);
        OffsetDateTime heartbeat = Rows.instant(row[11]);
        if ((state == PackJob.State.QUEUED || state == PackJob.State.RUNNING)
                && heartbeat.isBefore(clock.now().minus(HEARTBEAT_LOST))) {
            state = PackJob.State.INTERRUPTED;
        }
        return new PackJob(
                (String) row[0],
                Rows.number(row[1]),
                state,
                Rows.number(row[3]),
                Rows.number(row[4]),
                (String) row[5],
                Rows.instant(row[6]),
                row[7] == null ? null : Rows.instant(row[7]),
                row[8] == null ? null : ((Number) row[8]).longValue(),
                row[9] == null ? null : ((String) row[9]).strip(),
                (String) row[10]);
    }

    private String tenant() {
        return callers.current().franchiseId();
    }

    private jakarta.persistence.Query nativeQuery(String sql) {
        return Rows.nativeQuery(em, sql);
    }
}
