package org.charter.service.rollout;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a store's evidence pack for one version holds: each signature's receipt, and the tables of who signed
 * what and when, every quiz try, every excuse, every training session seat, and who is still open.
 */
public record EvidencePack(
        String franchiseName,
        String storeCode,
        String storeName,
        int versionNumber,
        List<Receipt> receipts,
        List<Person> people,
        List<QuizTry> quizTries,
        List<Seat> seats)
        implements Serializable {

    /** One person's assignment: its state, and the signature or the excuse if there is one. */
    public record Person(
            String employeeNumber,
            String fullName,
            String status,
            LocalDate dueDate,
            OffsetDateTime signedAt,
            String language,
            String contentSha256,
            String authMethod,
            String excusedReason,
            LocalDate excusedUntil,
            String excusedBy)
            implements Serializable {}

    public record QuizTry(
            String employeeNumber,
            String fullName,
            OffsetDateTime at,
            String language,
            int correct,
            int questions,
            boolean passed,
            boolean atSession)
            implements Serializable {}

    public record Seat(
            String employeeNumber,
            String fullName,
            OffsetDateTime startsAt,
            String place,
            String trainer,
            Boolean attended)
            implements Serializable {}
}
