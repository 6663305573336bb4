package org.charter.service.notice;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A mail that did not go out (yet), for headquarters: whom it was for, what it was, what the server said. Its id is
 * its notice's.
 */
public record DeliveryLine(
        String id,
        String personName,
        String address,
        NoticeKind kind,
        String params,
        String locale,
        String status,
        int attempts,
        OffsetDateTime nextAttemptAt,
        String lastAnswer,
        OffsetDateTime createdAt,
        List<Event> events)
        implements Serializable {

    /** One step of the delivery log. */
    public record Event(OffsetDateTime at, String event, String answer) implements Serializable {}
}
