package org.charter.model.charter;

/**
 * The typed sections of a charter, in the order a charter reads. Each starts public or internal; HQ may change
 * that per version. Store-specific parts (hours, contacts, address) come from the store's own data.
 */
public enum SectionKind {
    OVERVIEW(true),
    PURPOSE(true),
    SCOPE_AND_CHANNELS(true),
    SERVICE_GOALS(true),
    SERVICE_STANDARDS(true),
    CUSTOMER_RIGHTS(true),
    COMMITMENTS(true),
    CONDUCT_RULES(false),
    COMPLAINTS(true),
    RETURNS(true),
    PRIVACY(true),
    SERVICE_HOURS(true),
    CUSTOMER_PROFILE(false);

    private final boolean publicByDefault;

    SectionKind(boolean publicByDefault) {
        this.publicByDefault = publicByDefault;
    }

    /**
     * Whether the section holds measurable standards: the service standards, and the complaints section, whose
     * standards are the deadlines complaints are measured against (per channel: the first response, then the
     * resolution).
     */
    public boolean takesStandards() {
        return this == SERVICE_STANDARDS || this == COMPLAINTS;
    }

    public Visibility defaultVisibility() {
        return publicByDefault ? Visibility.PUBLIC : Visibility.INTERNAL;
    }
}
