package org.charter.service.api;

import java.time.OffsetDateTime;

/**
 * A customer's complaint with its deadlines from the charter's promises. The customer's contact details are left
 * out: they are for the store to answer, not for other systems to copy.
 */
public record ComplaintRecord(
        String reference,
        String store,
        String channel,
        String status,
        Integer rating,
        String message,
        OffsetDateTime receivedAt,
        OffsetDateTime responseDueAt,
        OffsetDateTime respondedAt,
        OffsetDateTime resolutionDueAt,
        OffsetDateTime resolvedAt,
        boolean responseBreached,
        boolean resolutionBreached) {}
