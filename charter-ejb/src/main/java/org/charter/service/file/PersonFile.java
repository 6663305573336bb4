package org.charter.service.file;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Everything the file page shows of one person, read in one transaction. */
public record PersonFile(
        String personId,
        String fullName,
        String employeeNumber,
        String status,
        LocalDate hireDate,
        List<String> stores,
        List<Signature> signatures,
        List<QuizTry> quizTries,
        List<Excuse> excuses,
        List<Seat> sessions)
        implements Serializable {

    /** A signature: the version, when, in which language, how the person confirmed, and the hash of the text. */
    public record Signature(int version, OffsetDateTime signedAt, String language, String method, String sha256)
            implements Serializable {}

    /** One try at a version's quiz. */
    public record QuizTry(int version, OffsetDateTime at, int correct, int questions, boolean passed)
            implements Serializable {}

    /** An excuse from a version's training: why, until when (none: for good), and who granted it. */
    public record Excuse(int version, String reason, LocalDate until, String by) implements Serializable {}

    /** A training session the person was invited to; {@code attended} is null until the trainer says. */
    public record Seat(OffsetDateTime startsAt, String timeZone, String place, String trainer, Boolean attended)
            implements Serializable {}
}
