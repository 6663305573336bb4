package org.charter.service.api;

import java.time.OffsetDateTime;

/**
 * A signature as evidence: who signed which version, in which language, the statement they confirmed and the
 * SHA-256 of the text they were shown, when (the database's clock) and how they confirmed.
 */
public record AcknowledgementRecord(
        String id,
        String employeeNumber,
        String fullName,
        String store,
        int version,
        String language,
        String contentSha256,
        String statement,
        String typedName,
        OffsetDateTime signedAt,
        String authMethod) {}
