package org.charter.service.publication;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.charter.model.charter.SectionKind;
import org.charter.model.charter.TargetUnit;
import org.charter.model.franchise.Language;
import org.charter.model.store.ChannelKind;

/**
 * What a customer reads: the franchise, the store if one was asked for, the version in force on the day asked
 * (null when none was yet), its public sections in one language, and the versions that were ever in force.
 */
public record PublicCharter(
        String franchiseName,
        String slug,
        List<Language> languages,
        Language language,
        LocalDate on,
        StoreInfo store,
        VersionInfo version,
        List<Section> sections,
        List<VersionInfo> history)
        implements Serializable {

    /** A version as the history lists it; {@code until} is the day the next one came into force. */
    public record VersionInfo(int number, LocalDate effective, LocalDate until, String sha256, String changeSummary)
            implements Serializable {}

    public record Section(SectionKind kind, String title, String body, List<Standard> standards)
            implements Serializable {}

    public record Standard(ChannelKind channel, int targetValue, TargetUnit targetUnit, String promise)
            implements Serializable {}

    public record StoreInfo(
            String code,
            String name,
            String street,
            String postalCode,
            String city,
            String country,
            String timeZone,
            List<Channel> channels)
            implements Serializable {}

    public record Channel(ChannelKind kind, String contact, String hours) implements Serializable {}

    /** A tag that changes whenever anything shown changes: the page's ETag. */
    public String fingerprint() {
        return org.charter.model.charter.Hashes.sha256(toString());
    }
}
