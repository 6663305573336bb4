package org.charter.service.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a franchise's other systems can be told about, by the name they receive as the event's type. */
public enum WebhookEvent {
    VERSION_PUBLISHED("version.published"),
    ASSIGNMENT_COMPLETED("assignment.completed"),
    COMPLAINT_RECEIVED("complaint.received"),
    /** A complaint's first response or resolution is past the charter's promise, found by the planning round. */
    COMPLAINT_BREACHED("complaint.breached"),
    /** A rollout's deadline has passed with people still to sign, found by the planning round. */
    ROLLOUT_OVERDUE("rollout.overdue");

    private final String type;

    WebhookEvent(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public static Optional<WebhookEvent> ofType(String type) {
        return Arrays.stream(values()).filter(event -> event.type.equals(type)).findFirst();
    }
}
