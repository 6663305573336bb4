package org.charter.service.api;

import java.util.List;

/** Who has to sign a version, store by store, as the roll-up counts it. */
public record ComplianceRecord(int version, String status, List<Store> stores) {

    /** One store's counts: {@code open} people still have to read, pass the quiz and sign. */
    public record Store(String code, String name, int required, int completed, int excused, int open) {}
}
