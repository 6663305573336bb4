package org.charter.service.rollout;

import java.io.Serializable;

/** One store's line on the blockers board: how many must sign, have signed, are excused, are still open. */
public record StoreProgress(
        String storeId, String code, String name, String region, int required, int completed, int excused, int open)
        implements Serializable {

    /** A row of {@code store id, code, name, region, required, completed, excused, open}. */
    static StoreProgress of(Object row) {
        Object[] r = (Object[]) row;
        return new StoreProgress(
                r[0] == null ? null : String.valueOf(r[0]),
                (String) r[1],
                (String) r[2],
                (String) r[3],
                org.charter.service.database.Rows.number(r[4]),
                org.charter.service.database.Rows.number(r[5]),
                org.charter.service.database.Rows.number(r[6]),
                org.charter.service.database.Rows.number(r[7]));
    }
}
