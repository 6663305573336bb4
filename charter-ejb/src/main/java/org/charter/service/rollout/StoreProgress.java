package org.charter.service.rollout;

import java.io.Serializable;

/** One store's line on the blockers board: how many must sign, have signed, are excused, are still open. */
public record StoreProgress(
        String storeId, String code, String name, String region, int required, int completed, int excused, int open)
        implements Serializable {}
