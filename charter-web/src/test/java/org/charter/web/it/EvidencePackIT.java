package org.charter.web.it;

import static org.charter.web.it.TestCaller.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.charter.model.common.NotFoundException;
import org.charter.service.charter.CharterService;
import org.charter.service.evidence.ChainHead;
import org.charter.service.evidence.EvidenceService;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.people.PeopleService;
import org.charter.service.rollout.AcknowledgementService;
import org.charter.service.rollout.EvidencePack;
import org.charter.service.rollout.EvidencePackService;
import org.charter.service.rollout.FranchisePacks;
import org.charter.service.rollout.PackJob;
import org.charter.service.rollout.RolloutService;
import org.charter.service.rollout.StoreTrainingService;
import org.charter.service.sessions.SessionService;
import org.charter.service.store.StoreService;
import org.charter.service.training.QuizService;
import org.charter.web.rollout.EvidencePackZip;
import org.charter.web.rollout.FranchisePackBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A store's evidence pack: it holds the receipt, the tables and the list of hashes; it verifies; it fails to verify
 * when one byte of a receipt is changed, a file is left out or the list is rewritten; another franchise gets none.
 */
@ExtendWith(ArquillianExtension.class)
class EvidencePackIT {

    private static final String PLATFORM = "it-platform";

    @Deployment
    static WebArchive deployment() {
        return Deployments.forServices(EvidencePackIT.class, FullFranchise.class, FullFranchise.Services.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    FranchiseService franchises;

    @Inject
    StoreService stores;

    @Inject
    PeopleService people;

    @Inject
    CharterService charters;

    @Inject
    QuizService quizzes;

    @Inject
    RolloutService rollouts;

    @Inject
    AcknowledgementService acknowledgements;

    @Inject
    StoreTrainingService training;

    @Inject
    SessionService sessions;

    @Inject
    EvidencePackService packs;

    @Inject
    EvidenceService evidence;

    @Inject
    FranchisePacks franchisePacks;

    @Inject
    FranchisePackBuilder builder;

    @Test
    void aPackVerifiesAndFailsWhenOneByteOfAReceiptChanges() throws Exception {
        FullFranchise full = fullFranchise();
        World other = World.build(franchises, stores, people, PLATFORM);
        String hq = full.world.hq;
        int version = as(hq, () -> charters.getVersion(full.versionId)).getNumber();

        EvidencePack pack = as(hq, () -> packs.pack("a1", version));
        assertEquals(1, pack.receipts().size(), "the one signature of store A1");
        assertTrue(pack.people().stream().anyMatch(p -> "EXCUSED".equals(p.status()) && p.excusedReason() != null));
        assertEquals(2, pack.quizTries().size(), "a failed try and a passed one");
        String head = as(hq, evidence::head).map(ChainHead::label).orElse(null);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        EvidencePackZip.write(pack, head, "en", text -> as(hq, () -> evidence.seal(text)), written);
        byte[] zip = written.toByteArray();

        Map<String, byte[]> files = unzip(zip);
        assertTrue(files.keySet()
                .containsAll(List.of(
                        "README.txt",
                        "people.csv",
                        "quiz-tries.csv",
                        "sessions.csv",
                        "SHA256SUMS",
                        "SHA256SUMS.seal")));
        String receipt = files.keySet().stream()
                .filter(name -> name.startsWith("receipts/") && name.endsWith(".pdf"))
                .findFirst()
                .orElseThrow();
        assertTrue(new String(files.get(receipt), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
        assertTrue(new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8).contains("  " + receipt + "\n"));

        EvidencePackZip.Verdict intact = verify(hq, zip);
        assertTrue(intact.intact(), intact.toString());
        assertEquals(files.size() - 2, intact.files());

        // one byte of the receipt
        Map<String, byte[]> tampered = new LinkedHashMap<>(files);
        byte[] changed = files.get(receipt).clone();
        changed[changed.length / 2] ^= 1;
        tampered.put(receipt, changed);
        EvidencePackZip.Verdict broken = verify(hq, zip(tampered));
        assertFalse(broken.intact());
        assertEquals(List.of(receipt), broken.changed());

        // a file left out, and a list rewritten to match a changed file: the seal no longer holds
        Map<String, byte[]> shorter = new LinkedHashMap<>(files);
        shorter.remove("quiz-tries.csv");
        assertEquals(List.of("quiz-tries.csv"), verify(hq, zip(shorter)).missing());
        Map<String, byte[]> relisted = new LinkedHashMap<>(tampered);
        String sums = new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8);
        String oldHash = sums.lines()
                .filter(l -> l.endsWith(receipt))
                .findFirst()
                .orElseThrow()
                .substring(0, 64);
        relisted.put("SHA256SUMS", sums.replace(oldHash, sha256(changed)).getBytes(StandardCharsets.UTF_8));
        EvidencePackZip.Verdict resealed = verify(hq, zip(relisted));
        assertTrue(resealed.changed().isEmpty());
        assertFalse(resealed.sealed());
        assertFalse(resealed.intact());

        // another franchise has its own store A1, but not this version, and never this franchise's signatures
        assertThrows(NotFoundException.class, () -> as(other.hq, () -> packs.pack("A1", version)));
        assertThrows(NotFoundException.class, () -> as(other.hq, () -> packs.pack("NOPE", 1)));
    }

    @Test
    void theWholeFranchisesPackIsBuiltInTheBackgroundAndVerifies() throws Exception {
        FullFranchise full = fullFranchise();
        World other = World.build(franchises, stores, people, PLATFORM);
        String hq = full.world.hq;
        int version = as(hq, () -> charters.getVersion(full.versionId)).getNumber();

        PackJob done = as(hq, () -> {
            FranchisePacks.Requested asked = franchisePacks.request(version, "en");
            assertTrue(asked.created());
            // asked again while it waits: the same job, not a second one
            assertEquals(new FranchisePacks.Requested(asked.id(), false), franchisePacks.request(version, "en"));
            builder.start(asked.id(), version, "en");
            return waitUntilFinished(asked.id());
        });
        assertEquals(PackJob.State.DONE, done.state(), String.valueOf(done.problem()));
        assertEquals(done.storesTotal(), done.storesDone());
        assertEquals(100, done.percent());

        byte[] zip = as(hq, () -> {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            int chunks = franchisePacks.chunks(done.id());
            for (int seq = 0; seq < chunks; seq++) {
                all.writeBytes(franchisePacks.chunk(done.id(), seq));
            }
            return all.toByteArray();
        });
        assertEquals(done.sizeBytes().longValue(), zip.length);
        assertEquals(done.sha256(), sha256(zip));
        Map<String, byte[]> files = unzip(zip);
        assertTrue(files.containsKey("README.txt"));
        assertTrue(files.containsKey("stores/A1/people.csv"), files.keySet().toString());
        assertTrue(
                files.keySet().stream().anyMatch(n -> n.startsWith("stores/A1/receipts/") && n.endsWith(".pdf")),
                files.keySet().toString());
        EvidencePackZip.Verdict intact = verify(hq, zip);
        assertTrue(intact.intact(), intact.toString());
        assertEquals(files.size() - 2, intact.files());

        // the other franchise knows nothing of it
        assertThrows(NotFoundException.class, () -> as(other.hq, () -> franchisePacks.job(done.id())));
        assertThrows(NotFoundException.class, () -> as(other.hq, () -> franchisePacks.chunk(done.id(), 0)));
        assertTrue(as(other.hq, franchisePacks::list).isEmpty());
        // nor can it ask for a pack of a version it does not have
        assertThrows(NotFoundException.class, () -> as(other.hq, () -> franchisePacks.request(version, "en")));
    }

    private PackJob waitUntilFinished(String jobId) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            PackJob job = franchisePacks.job(jobId);
            if (!job.underway()) {
                return job;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the pack was not finished within 90 s: " + franchisePacks.job(jobId));
    }

    /** A franchise with evidence of every kind, written through the services. */
    private FullFranchise fullFranchise() {
        fixtures.ensurePlatformAdmin(PLATFORM);
        return FullFranchise.build(
                new FullFranchise.Services(
                        franchises, stores, people, charters, quizzes, rollouts, acknowledgements, training, sessions),
                PLATFORM);
    }

    private EvidencePackZip.Verdict verify(String hq, byte[] zip) throws Exception {
        return EvidencePackZip.verify(zip, (list, seal) -> as(hq, () -> evidence.sealMatches(list, seal)));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
