package org.charter.service.webhook;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** One event's delivery to one endpoint, as the log shows it. */
public record DeliveryRecord(
        String id,
        String url,
        String event,
        String status,
        int attempts,
        OffsetDateTime createdAt,
        OffsetDateTime nextAt,
        OffsetDateTime deliveredAt,
        String answer)
        implements Serializable {}
