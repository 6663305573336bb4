package org.charter.service.rollout;

/**
 * A CDI event: a franchise's version was published. Fired inside the publishing transaction; observers that
 * tell the outside world (the public pages of every instance) observe it after the transaction succeeded.
 */
public record VersionPublished(String franchiseId, String slug, int number) {}
