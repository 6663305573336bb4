package org.charter.web.shell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.util.List;

/** The time zones a franchise or store can choose, by region name (e.g. Europe/Riga), computed once. */
@Named("timeZones")
@ApplicationScoped
public class TimeZones {

    private final List<String> all = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc") && !zone.startsWith("SystemV"))
            .sorted()
            .toList();

    public List<String> getAll() {
        return all;
    }
}
