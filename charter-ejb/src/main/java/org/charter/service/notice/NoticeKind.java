package org.charter.service.notice;

import java.util.List;

/**
 * What a notice is about, whether it must reach its reader by mail too, and the parameters its text takes (in the
 * order of the message's placeholders; see {@link NoticeText}).
 */
public enum NoticeKind {
    TRAINING_ASSIGNED(true, "version", "due"),
    ASSIGNMENT_DUE(true, "version", "due"),
    ASSIGNMENT_OVERDUE(true, "version", "due"),
    REVIEW_COMING(true, "version", "due"),
    REVIEW_DUE(true, "version", "due"),
    REVIEW_OVERDUE(true, "version", "due"),
    MANAGER_DIGEST(false, "open", "sessions", "names", "upcoming"),
    SESSION_TOMORROW(false, "start", "place", "trainer", "store"),
    ROLLOUT_DEADLINE(false, "version", "deadline", "stores", "storeNames"),
    FEEDBACK_RECEIVED(true, "reference", "store", "kind"),
    FEEDBACK_WARNING(true, "reference", "store", "at", "target"),
    FEEDBACK_BREACHED(true, "reference", "store", "at", "target"),
    CORRECTIVE_ACTION(true, "action", "due"),
    // to customers, who have no inbox: mail only, in the language they wrote in
    FEEDBACK_RECEIPT(true, "reference", "store"),
    FEEDBACK_REPLY(true, "reference", "store", "reply");

    private final boolean mandatory;
    private final List<String> params;

    NoticeKind(boolean mandatory, String... params) {
        this.mandatory = mandatory;
        this.params = List.of(params);
    }

    /** Mandatory notices go out by mail to everyone with an address; optional ones only to those who want them. */
    public boolean mandatory() {
        return mandatory;
    }

    /** Written to a customer (no person, no inbox): the mail's footer says why they receive it. */
    public boolean toCustomer() {
        return this == FEEDBACK_RECEIPT || this == FEEDBACK_REPLY;
    }

    /** The parameters, in the order of the message's placeholders {0}, {1}, … */
    public List<String> params() {
        return params;
    }
}
