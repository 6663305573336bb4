package org.charter.model.charter;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** The unit of a service standard's measurable target. */
public enum TargetUnit {
    SECONDS(ChronoUnit.SECONDS),
    MINUTES(ChronoUnit.MINUTES),
    HOURS(ChronoUnit.HOURS),
    DAYS(ChronoUnit.DAYS);

    private final ChronoUnit unit;

    TargetUnit(ChronoUnit unit) {
        this.unit = unit;
    }

    public Duration of(int value) {
        return Duration.of(value, unit);
    }
}
