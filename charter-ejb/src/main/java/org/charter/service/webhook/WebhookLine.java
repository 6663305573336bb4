package org.charter.service.webhook;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/** An endpoint as HQ's list shows it (never its secret). */
public record WebhookLine(String id, String url, List<String> events, boolean active, OffsetDateTime createdAt)
        implements Serializable {}
