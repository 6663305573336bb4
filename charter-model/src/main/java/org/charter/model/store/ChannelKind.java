package org.charter.model.store;

/** How a customer reaches a store (seed 004: in person, phone, e-mail, social media). */
public enum ChannelKind {
    IN_PERSON,
    PHONE,
    EMAIL,
    POSTAL,
    SOCIAL,
    CHAT
}
