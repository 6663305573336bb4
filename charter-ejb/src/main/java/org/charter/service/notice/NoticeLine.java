package org.charter.service.notice;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** One notice in an inbox, as stored: the page renders its words in the reader's language ({@link NoticeText}). */
public record NoticeLine(
        String id,
        NoticeKind kind,
        String params,
        String link,
        boolean mandatory,
        OffsetDateTime createdAt,
        boolean read,
        String mailStatus)
        implements Serializable {}
