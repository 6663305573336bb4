package org.charter.model.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.charter.model.common.TenantOwned;

/** A line of a case's thread. Kept, never changed (only a customer's answer is blanked when their data goes). */
@Entity
@Table(name = "feedback_entry")
public class FeedbackEntry extends TenantOwned {

    private static final long serialVersionUID = 1L;

    @Column(name = "feedback_id", nullable = false, length = 36)
    private String feedbackId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EntryKind kind;

    @Column(length = Feedback.MESSAGE_LENGTH)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private FeedbackStatus status;

    @Column(length = 64)
    private String author;

    @Column(nullable = false)
    private OffsetDateTime at;

    /** Written by the database: the order of the thread. */
    @Column(insertable = false, updatable = false)
    private Long seq;

    protected FeedbackEntry() {}

    private FeedbackEntry(
            Feedback feedback, EntryKind kind, String body, FeedbackStatus status, String author, OffsetDateTime at) {
        this.feedbackId = feedback.getId();
        this.kind = kind;
        this.body = body;
        this.status = status;
        this.author = author;
        this.at = Objects.requireNonNull(at);
    }

    /** An internal note, or a reply to the customer, written by {@code author}. */
    public static FeedbackEntry written(
            Feedback feedback, EntryKind kind, String text, String author, OffsetDateTime at) {
        if (kind != EntryKind.NOTE && kind != EntryKind.REPLY) {
            throw new IllegalArgumentException(kind.name());
        }
        return new FeedbackEntry(
                feedback, kind, Feedback.text(text, Feedback.MESSAGE_LENGTH, "text", true), null, author, at);
    }

    /** What the customer answered on their status page. */
    public static FeedbackEntry answered(Feedback feedback, String text, OffsetDateTime at) {
        return new FeedbackEntry(
                feedback,
                EntryKind.ANSWER,
                Feedback.text(text, Feedback.MESSAGE_LENGTH, "message", true),
                null,
                null,
                at);
    }

    /** The case moved to its current status. */
    public static FeedbackEntry moved(Feedback feedback, String author, OffsetDateTime at) {
        return new FeedbackEntry(feedback, EntryKind.STATUS, null, feedback.getStatus(), author, at);
    }

    public String getFeedbackId() {
        return feedbackId;
    }

    public EntryKind getKind() {
        return kind;
    }

    public String getBody() {
        return body;
    }

    public FeedbackStatus getStatus() {
        return status;
    }

    public String getAuthor() {
        return author;
    }

    public OffsetDateTime getAt() {
        return at;
    }
}
