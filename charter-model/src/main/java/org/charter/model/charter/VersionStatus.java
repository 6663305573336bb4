package org.charter.model.charter;

/** A charter version's life: only forward, and content is frozen from FROZEN on (also in the database). */
public enum VersionStatus {
    DRAFT,
    /** Content frozen and rendered; ready for rollout. */
    FROZEN,
    ROLLOUT,
    PUBLISHED,
    SUPERSEDED
}
