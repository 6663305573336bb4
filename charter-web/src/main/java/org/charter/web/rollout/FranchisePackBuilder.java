package org.charter.web.rollout;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.charter.service.evidence.ChainHead;
import org.charter.service.evidence.EvidenceService;
import org.charter.service.rollout.EvidencePack;
import org.charter.service.rollout.EvidencePackService;
import org.charter.service.rollout.FranchisePacks;

/**
 * Builds a whole franchise's evidence pack in the background, on the server's managed executor (which carries the
 * HQ admin's identity, so every read is theirs, tenant bound as always): store after store into one sealed ZIP,
 * streamed into chunks in the database, the progress counted after each store. A failure marks the job failed
 * and drops its chunks; a lost instance leaves a job whose heartbeat stops, shown as interrupted.
 */
@ApplicationScoped
public class FranchisePackBuilder {

    private static final Logger LOG = Logger.getLogger(FranchisePackBuilder.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    FranchisePacks jobs;

    @Inject
    EvidencePackService stores;

    @Inject
    EvidenceService evidence;

    /** Starts building the job in the background. */
    public void start(String jobId, int versionNumber, String language) {
        executor.submit(() -> build(jobId, versionNumber, language));
    }

    /** Builds the job here and now (the background task does this; tests call it directly). */
    public void build(String jobId, int versionNumber, String language) {
        try {
            List<String> codes = jobs.start(jobId);
            String head = evidence.head().map(ChainHead::label).orElse(null);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (Chunks chunks = new Chunks(jobId);
                    DigestOutputStream digest = new DigestOutputStream(chunks, sha256);
                    EvidencePackZip.Sealed zip = new EvidencePackZip.Sealed(digest)) {
                String franchise = null;
                for (int i = 0; i < codes.size(); i++) {
                    EvidencePack pack = stores.pack(codes.get(i), versionNumber);
                    franchise = pack.franchiseName();
                    zip.addStore(pack, head, language);
                    chunks.storesDone = i + 1;
                    chunks.beat();
                }
                zip.add(
                        "README.txt",
                        EvidencePackZip.franchiseReadme(franchise, versionNumber, codes, head)
                                .getBytes(StandardCharsets.UTF_8));
                zip.seal(evidence::seal);
                zip.close();
                chunks.flush();
                jobs.finished(jobId, chunks.written, HexFormat.of().formatHex(sha256.digest()));
            }
        } catch (IOException | RuntimeException | NoSuchAlgorithmException e) {
            LOG.log(Level.WARNING, "Evidence pack " + jobId + " failed", e);
            jobs.failed(jobId, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Collects the ZIP's bytes and hands them on in chunks of {@link FranchisePacks#CHUNK_BYTES}. */
    private final class Chunks extends OutputStream {

        private final String jobId;
        private final byte[] buffer = new byte[FranchisePacks.CHUNK_BYTES];
        private int filled;
        private int seq;
        private long written;
        private int storesDone;

        Chunks(String jobId) {
            this.jobId = jobId;
        }

        @Override
        public void write(int b) {
            if (filled == buffer.length) {
                send();
            }
            buffer[filled++] = (byte) b;
            written++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (filled == buffer.length) {
                    send();
                }
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                written += n;
            }
        }

        /** The progress after a store, with a full chunk if there is one. */
        void beat() {
            jobs.progress(jobId, storesDone, seq, null);
        }

        @Override
        public void flush() {
            if (filled > 0) {
                send();
            }
        }

        private void send() {
            jobs.progress(jobId, storesDone, seq++, java.util.Arrays.copyOf(buffer, filled));
            filled = 0;
        }

        @Override
        public void close() {
            flush();
        }
    }
}
