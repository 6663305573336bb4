package org.charter.service.rollout;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.charter.model.charter.CharterVersion;

/**
 * What the HQ rollout page shows, read in one transaction: the version on its way (frozen or in rollout) and its
 * deadline, the sums per region, the first page of stores (most open first) and how many stores there are, the
 * latest excuses and their number, the franchise's due days, and for a frozen version the languages still
 * without a quiz question.
 */
public record Board(
        CharterVersion version,
        LocalDate deadline,
        List<StoreProgress> regions,
        int storeCount,
        List<StoreProgress> firstStores,
        List<PersonProgress> excuses,
        int excuseCount,
        int newHireDays,
        int returnDays,
        List<String> quizMissing,
        /** Today on the franchise's clock: the first day a publication may take effect. */
        LocalDate today)
        implements Serializable {

    public static final int EXCUSES_SHOWN = 100;

    public boolean isInRollout() {
        return version != null && version.getStatus() == org.charter.model.charter.VersionStatus.ROLLOUT;
    }
}
