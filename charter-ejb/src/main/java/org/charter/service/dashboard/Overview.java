package org.charter.service.dashboard;

import java.io.Serializable;

/**
 * The figures on a landing page. Which ones are filled depends on the role: franchises for the platform,
 * regions, stores and people for HQ, the manager's stores and people for a store manager.
 */
public record Overview(
        String franchiseName,
        long franchises,
        long suspendedFranchises,
        long regions,
        long stores,
        long activePeople,
        long onLeave,
        long managers,
        long awaitingPassword)
        implements Serializable {}
