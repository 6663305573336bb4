package org.charter.service.evidence;

import jakarta.persistence.Query;
import java.util.List;
import java.util.function.Function;

/**
 * Recomputes a franchise's audit trail in the application: each row's hash (scheme 1 for rows written before
 * V7, up to the boundary V7 recorded, the canonical record from then on) and its link to the row before, and,
 * for each checkpoint, that the row
 * it names is still the trail's row number {@code audit_count} with the hash it recorded. So a changed row, a
 * removed or inserted one, and the newest rows deleted all show.
 */
final class AuditChain {

    private static final int PAGE = 1000;

    /** Rows read, findings, and rows after the newest checkpoint. */
    record Result(long rows, long broken, long pending) {}

    private final Function<String, Query> nativeQuery;

    AuditChain(Function<String, Query> nativeQuery) {
        this.nativeQuery = nativeQuery;
    }

    Result verify(String franchiseId, List<Checkpoints.Stored> checkpoints) {
        long broken = 0;
        long rows = 0;
        long lastSeq = 0;
        String lastHash = CanonicalRecord.GENESIS;
        // rows up to here were written before V7 and may carry the first scheme; none after it
        long legacyUntil = ((Number) nativeQuery
                        .apply("select coalesce(max(legacy_until), 0) from audit_hash_boundary")
                        .getSingleResult())
                .longValue();
        boolean canonicalSeen = false;
        int next = 0; // the next checkpoint to compare with
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> page = nativeQuery
                    .apply("select seq, id::text, tenant_id::text,"
                            + " to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), actor, action,"
                            + " subject_type, subject_id, detail, prev_hash, hash, hash_scheme"
                            + " from audit_entry where tenant_id = ?1::uuid and seq > ?2 order by seq limit " + PAGE)
                    .setParameter(1, franchiseId)
                    .setParameter(2, lastSeq)
                    .getResultList();
            for (Object[] r : page) {
                long seq = ((Number) r[0]).longValue();
                while (next < checkpoints.size() && checkpoints.get(next).auditSeq() < seq) {
                    broken += matches(checkpoints.get(next++), rows, lastSeq, lastHash) ? 0 : 1;
                }
                int scheme = ((Number) r[11]).intValue();
                String prevHash = (String) r[9];
                String hash = (String) r[10];
                String recomputed;
                if (scheme == 2) {
                    canonicalSeen = true;
                    recomputed = CanonicalRecord.of("audit_entry/2")
                            .add(prevHash)
                            .add((String) r[2])
                            .add((String) r[1])
                            .add(seq)
                            .add((String) r[3])
                            .add((String) r[4])
                            .add((String) r[5])
                            .add((String) r[6])
                            .add((String) r[7])
                            .add((String) r[8])
                            .sha256();
                } else if (scheme == 1 && !canonicalSeen && seq <= legacyUntil) {
                    recomputed = CanonicalRecord.legacyAuditHash(
                            prevHash,
                            (String) r[2],
                            (String) r[1],
                            Long.toString(seq),
                            (String) r[3],
                            (String) r[4],
                            (String) r[5],
                            (String) r[6],
                            (String) r[7],
                            (String) r[8]);
                } else {
                    recomputed = null; // the old scheme after the new one: a downgraded row
                }
                if (!prevHash.equals(lastHash) || !hash.equals(recomputed)) {
                    broken++;
                }
                rows++;
                lastSeq = seq;
                lastHash = hash;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        long pending = rows;
        while (next < checkpoints.size()) {
            broken += matches(checkpoints.get(next++), rows, lastSeq, lastHash) ? 0 : 1;
        }
        if (!checkpoints.isEmpty()) {
            pending = rows - checkpoints.get(checkpoints.size() - 1).auditCount();
        }
        return new Result(rows, broken, Math.max(0, pending));
    }

    /** Whether the trail up to the checkpoint's row is as the checkpoint recorded it. */
    private static boolean matches(Checkpoints.Stored checkpoint, long rows, long lastSeq, String lastHash) {
        return checkpoint.auditCount() == rows
                && checkpoint.auditSeq() == lastSeq
                && checkpoint.auditHead().equals(lastHash);
    }
}
