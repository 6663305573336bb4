package org.charter.web.rollout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.charter.service.rollout.EvidencePack;
import org.charter.service.rollout.Receipt;
import org.charter.web.shell.Pdf;

/**
 * A store's evidence pack for one version as a ZIP: a PDF receipt per signature, the tables as CSV (UTF-8, commas,
 * times in UTC), a README, and {@code SHA256SUMS} with every file's SHA-256, which {@code sha256sum -c} checks
 * anywhere. {@code SHA256SUMS.seal} is an HMAC of that list with the installation's evidence key: with it, the
 * verify page also tells whether the list itself is the one Charter wrote.
 */
public final class EvidencePackZip {

    static final String SUMS = "SHA256SUMS";
    static final String SEAL = "SHA256SUMS.seal";

    private EvidencePackZip() {}

    /** What a check found: intact, or the files that differ, are missing or were added, and whether the seal holds. */
    public record Verdict(int files, List<String> changed, List<String> missing, List<String> added, boolean sealed)
            implements java.io.Serializable {

        public boolean intact() {
            return changed.isEmpty() && missing.isEmpty() && added.isEmpty() && sealed && files > 0;
        }
    }

    /** Writes the pack; {@code seal} makes the seal of the list of files, {@code chainHead} is printed on receipts. */
    public static void write(
            EvidencePack pack, String chainHead, String language, UnaryOperator<String> seal, OutputStream out)
            throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("README.txt", readme(pack, chainHead).getBytes(StandardCharsets.UTF_8));
        files.putAll(storeFiles(pack, chainHead, language));
        try (Sealed zip = new Sealed(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.add(file.getKey(), file.getValue());
            }
            zip.seal(seal);
        }
    }

    /** A store's tables and receipts, by their names in the pack. */
    private static Map<String, byte[]> storeFiles(EvidencePack pack, String chainHead, String language)
            throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("people.csv", people(pack));
        files.put("quiz-tries.csv", quizTries(pack));
        files.put("sessions.csv", seats(pack));
        for (Receipt receipt : pack.receipts()) {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            Pdf.render(ReceiptPage.of(receipt, chainHead).html(language), pdf);
            files.put("receipts/" + fileName(receipt) + ".pdf", pdf.toByteArray());
        }
        return files;
    }

    /**
     * A ZIP written file by file, that keeps the SHA-256 of each and ends with the list and its seal: the pack of a
     * whole franchise is written through it store by store, without holding more than one store in memory.
     */
    public static final class Sealed implements java.io.Closeable {

        private final ZipOutputStream zip;
        private final StringBuilder sums = new StringBuilder();
        private boolean sealed;

        public Sealed(OutputStream out) {
            this.zip = new ZipOutputStream(out);
        }

        public void add(String name, byte[] content) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
            sums.append(sha256(content)).append("  ").append(name).append('\n');
        }

        /** A store's files under {@code stores/<code>/}. */
        public void addStore(EvidencePack pack, String chainHead, String language) throws IOException {
            String folder = "stores/" + pack.storeCode() + "/";
            for (Map.Entry<String, byte[]> file :
                    storeFiles(pack, chainHead, language).entrySet()) {
                add(folder + file.getKey(), file.getValue());
            }
        }

        /** Ends the pack with the list of every file's SHA-256 and its seal. */
        public void seal(UnaryOperator<String> seal) throws IOException {
            String list = sums.toString();
            zip.putNextEntry(new ZipEntry(SUMS));
            zip.write(list.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(SEAL));
            zip.write((seal.apply(list) + "\n").getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            sealed = true;
        }

        @Override
        public void close() throws IOException {
            if (!sealed) {
                throw new IllegalStateException("a pack must be sealed before it is closed");
            }
            zip.close();
        }
    }

    /** The README of a franchise's pack. */
    static String franchiseReadme(String franchiseName, int versionNumber, List<String> storeCodes, String chainHead) {
        return "Evidence pack: " + franchiseName + ", all stores, charter version " + versionNumber + "\n\n"
                + "stores/<code>/   for each of the franchise's " + storeCodes.size() + " stores:\n"
                + "  receipts/        one PDF receipt per signature, as the person could download it\n"
                + "  people.csv       everyone assigned at the store: state, due date, signature or excuse\n"
                + "  quiz-tries.csv   every try at the quiz, passed or not\n"
                + "  sessions.csv     training sessions: who was invited, who attended\n"
                + "SHA256SUMS       the SHA-256 of every file above; check with: sha256sum -c SHA256SUMS\n"
                + "SHA256SUMS.seal  a seal of that list only the Charter installation that made it can check\n\n"
                + "Evidence chain head when the pack was made: " + (chainHead == null ? "none yet" : chainHead) + "\n"
                + "Times are UTC.\n";
    }

    /** Checks a pack: every file against the list, the list against its seal ({@code sealMatches}). */
    public static Verdict verify(byte[] zip, BiPredicate<String, String> sealMatches) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            long total = 0;
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readNBytes(50 * 1024 * 1024);
                total += content.length;
                if (total > 200L * 1024 * 1024) {
                    throw new IOException("larger than 200 MB unpacked");
                }
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), content);
                }
            }
        }
        byte[] sums = files.remove(SUMS);
        byte[] seal = files.remove(SEAL);
        if (sums == null) {
            return new Verdict(0, List.of(), List.of(SUMS), List.copyOf(files.keySet()), false);
        }
        String list = new String(sums, StandardCharsets.UTF_8);
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int listed = 0;
        for (String line : list.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            listed++;
            String hash = line.substring(0, Math.min(64, line.length()));
            String name = line.length() > 66 ? line.substring(66) : "";
            byte[] content = files.remove(name);
            if (content == null) {
                missing.add(name);
            } else if (!sha256(content).equals(hash)) {
                changed.add(name);
            }
        }
        boolean sealed = seal != null && sealMatches.test(list, new String(seal, StandardCharsets.US_ASCII));
        return new Verdict(listed, changed, missing, List.copyOf(files.keySet()), sealed);
    }

    private static String readme(EvidencePack pack, String chainHead) {
        return "Evidence pack: " + pack.franchiseName() + ", store " + pack.storeCode() + " (" + pack.storeName()
                + "), charter version " + pack.versionNumber() + "\n\n"
                + "receipts/        one PDF receipt per signature, as the person could download it\n"
                + "people.csv       everyone assigned at this store: state, due date, signature or excuse\n"
                + "quiz-tries.csv   every try at the quiz, passed or not\n"
                + "sessions.csv     training sessions: who was invited, who attended\n"
                + "SHA256SUMS       the SHA-256 of every file above; check with: sha256sum -c SHA256SUMS\n"
                + "SHA256SUMS.seal  a seal of that list only the Charter installation that made it can check\n"
                + "                 (Headquarters, Evidence, Verify a pack)\n\n"
                + "Evidence chain head when the pack was made: " + (chainHead == null ? "none yet" : chainHead) + "\n"
                + "Times are UTC.\n";
    }

    private static byte[] people(EvidencePack pack) {
        return csv(
                List.of(
                        "employee_number",
                        "full_name",
                        "status",
                        "due_date",
                        "signed_at",
                        "language",
                        "content_sha256",
                        "confirmed_by",
                        "excused_reason",
                        "excused_until",
                        "excused_by"),
                pack.people().stream()
                        .map(p -> List.<Object>of(
                                text(p.employeeNumber()),
                                p.fullName(),
                                p.status(),
                                text(p.dueDate()),
                                text(p.signedAt()),
                                text(p.language()),
                                text(p.contentSha256()),
                                text(p.authMethod()),
                                text(p.excusedReason()),
                                text(p.excusedUntil()),
                                text(p.excusedBy())))
                        .toList());
    }

    private static byte[] quizTries(EvidencePack pack) {
        return csv(
                List.of(
                        "employee_number",
                        "full_name",
                        "at",
                        "language",
                        "correct",
                        "questions",
                        "passed",
                        "at_session"),
                pack.quizTries().stream()
                        .map(q -> List.<Object>of(
                                text(q.employeeNumber()),
                                q.fullName(),
                                text(q.at()),
                                q.language(),
                                q.correct(),
                                q.questions(),
                                q.passed(),
                                q.atSession()))
                        .toList());
    }

    private static byte[] seats(EvidencePack pack) {
        return csv(
                List.of("employee_number", "full_name", "session_starts_at", "place", "trainer", "attended"),
                pack.seats().stream()
                        .map(s -> List.<Object>of(
                                text(s.employeeNumber()),
                                s.fullName(),
                                text(s.startsAt()),
                                s.place(),
                                s.trainer(),
                                s.attended() == null ? "" : s.attended()))
                        .toList());
    }

    private static byte[] csv(List<String> header, List<List<Object>> rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                text,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.time.OffsetDateTime at) {
            return at.withOffsetSameInstant(java.time.ZoneOffset.UTC).toString();
        }
        return value.toString();
    }

    /** The receipt's file: employee number (or name) and signing time, in characters any file system takes. */
    private static String fileName(Receipt receipt) {
        String who = receipt.employeeNumber() != null ? receipt.employeeNumber() : receipt.fullName();
        String safe = java.text.Normalizer.normalize(who, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._-]+", "-");
        return safe + "-" + receipt.signature().getId().substring(0, 8);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
