package org.charter.service.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a franchise's other systems can be told about, by the name they receive as the event's type. */
public enum WebhookEvent {
    VERSION_PUBLISHED("version.published"),
    ASSIGNMENT_COMPLETED("assignment.completed"),
    COMPLAINT_RECEIVED("complaint.received");

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
