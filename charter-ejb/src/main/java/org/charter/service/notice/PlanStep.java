package org.charter.service.notice;

import java.time.OffsetDateTime;

/**
 * Work another feature hands to the engine's planning round: run for each franchise, in the round's transaction
 * and under its lock, after the reminder rules. The engine finds every implementation; the feature depends on the
 * engine, never the other way round.
 */
public interface PlanStep {

    void plan(String franchiseId, OffsetDateTime now);
}
