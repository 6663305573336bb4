package org.charter.service.publication;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.charter.model.charter.CharterSection;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.SectionText;
import org.charter.model.charter.ServiceStandard;
import org.charter.model.charter.StandardText;
import org.charter.model.charter.VersionRendering;
import org.charter.model.charter.VersionStatus;
import org.charter.model.charter.Visibility;
import org.charter.model.franchise.Language;
import org.charter.model.store.ContactChannel;
import org.charter.model.store.Store;
import org.charter.service.tenancy.TenantSession;

/**
 * Reads what a franchise has published, for anyone. The franchise is found by its address name in the
 * {@link FranchiseDirectory}, before the transaction is bound to it; then only versions that came into force
 * and only their public sections are read.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class PublishedCharterService {

    private static final List<VersionStatus> EVER_IN_FORCE = List.of(VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED);

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    TenantSession tenantSession;

    @Inject
    FranchiseDirectory directory;

    /**
     * The franchise's languages and the days on which its versions came into force; empty when the franchise
     * does not exist or is suspended. Cheap: one look-up in the registry and one in the version list.
     */
    public Optional<PublicTimeline> timeline(String slug) {
        Optional<PublicFranchise> found = directory(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PublicFranchise franchise = found.get();
        tenantSession.enter(franchise.id());
        List<LocalDate> changes = em.createQuery(
                        "select distinct v.effectiveDate from CharterVersion v where v.status in :statuses",
                        LocalDate.class)
                .setParameter("statuses", EVER_IN_FORCE)
                .getResultList();
        return Optional.of(new PublicTimeline(
                franchise.slug(), franchise.languages(), franchise.defaultLanguage(), franchise.timeZone(), changes));
    }

    /**
     * The charter in force at the franchise (and store) on {@code on} (today in the franchise's zone when null),
     * in {@code wanted} or the franchise's default language. Empty when the franchise or store does not exist or
     * the franchise is suspended. The result's {@code on} is the effective date of the version shown (null when
     * none was in force yet), so every day of one version reads the same.
     */
    public Optional<PublicCharter> read(String slug, String storeCode, LocalDate on, List<Language> wanted) {
        Optional<PublicFranchise> found = directory(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PublicFranchise franchise = found.get();
        tenantSession.enter(franchise.id());
        Language language = wanted.stream()
                .filter(franchise.languages()::contains)
                .findFirst()
                .orElse(franchise.defaultLanguage());
        LocalDate day = on != null ? on : LocalDate.now(ZoneId.of(franchise.timeZone()));

        PublicCharter.StoreInfo store = null;
        if (storeCode != null) {
            Optional<Store> match = em.createQuery(
                            "select s from Store s where s.code = :code and s.active = true", Store.class)
                    .setParameter("code", storeCode.toUpperCase(java.util.Locale.ROOT))
                    .getResultStream()
                    .findFirst();
            if (match.isEmpty()) {
                return Optional.empty();
            }
            store = storeInfo(match.get());
        }

        List<CharterVersion> inForceEver = em.createQuery(
                        "select v from CharterVersion v where v.status in :statuses"
                                + " order by v.effectiveDate desc, v.number desc",
                        CharterVersion.class)
                .setParameter("statuses", EVER_IN_FORCE)
                .getResultList();
        List<PublicCharter.VersionInfo> history = new ArrayList<>();
        LocalDate until = null;
        CharterVersion shown = null;
        for (CharterVersion version : inForceEver) {
            history.add(new PublicCharter.VersionInfo(
                    version.getNumber(),
                    version.getEffectiveDate(),
                    until,
                    sha256(version, language),
                    version.getChangeSummary()));
            if (shown == null && !version.getEffectiveDate().isAfter(day)) {
                shown = version;
            }
            until = version.getEffectiveDate();
        }
        if (shown == null) {
            return Optional.of(new PublicCharter(
                    franchise.name(),
                    franchise.slug(),
                    franchise.languages(),
                    language,
                    null,
                    store,
                    null,
                    List.of(),
                    history));
        }
        CharterVersion version = shown;
        PublicCharter.VersionInfo info = history.stream()
                .filter(h -> h.number() == version.getNumber())
                .findFirst()
                .orElseThrow();
        return Optional.of(new PublicCharter(
                franchise.name(),
                franchise.slug(),
                franchise.languages(),
                language,
                version.getEffectiveDate(),
                store,
                info,
                sections(version, language),
                history));
    }

    private List<PublicCharter.Section> sections(CharterVersion version, Language language) {
        List<PublicCharter.Section> sections = new ArrayList<>();
        for (CharterSection section : version.getSections()) {
            if (section.getVisibility() != Visibility.PUBLIC) {
                continue;
            }
            SectionText text = section.text(language).orElseThrow();
            List<PublicCharter.Standard> standards = new ArrayList<>();
            for (ServiceStandard standard : section.getStandards()) {
                standards.add(new PublicCharter.Standard(
                        standard.getChannel(),
                        standard.getTargetValue(),
                        standard.getTargetUnit(),
                        standard.text(language).map(StandardText::getPromise).orElse("")));
            }
            sections.add(new PublicCharter.Section(section.getKind(), text.getTitle(), text.getBody(), standards));
        }
        return sections;
    }

    private String sha256(CharterVersion version, Language language) {
        return em.createQuery(
                        "select r from VersionRendering r where r.charterVersion = :version and r.locale = :locale",
                        VersionRendering.class)
                .setParameter("version", version)
                .setParameter("locale", language.tag())
                .getResultStream()
                .findFirst()
                .map(VersionRendering::getSha256)
                .orElse(null);
    }

    private static PublicCharter.StoreInfo storeInfo(Store store) {
        List<PublicCharter.Channel> channels = new ArrayList<>();
        for (ContactChannel channel : store.getChannels()) {
            channels.add(new PublicCharter.Channel(channel.getKind(), channel.getContact(), channel.getHours()));
        }
        return new PublicCharter.StoreInfo(
                store.getCode(),
                store.getName(),
                store.getStreet(),
                store.getPostalCode(),
                store.getCity(),
                store.getCountry(),
                store.getTimeZone(),
                channels);
    }

    /**
     * The active franchise at {@code slug}, with the transaction bound to it; empty when there is none. For the
     * other public services (feedback), which then read and write as that franchise.
     */
    public Optional<PublicFranchise> enter(String slug) {
        Optional<PublicFranchise> found = directory(slug);
        found.ifPresent(franchise -> tenantSession.enter(franchise.id()));
        return found;
    }

    private Optional<PublicFranchise> directory(String slug) {
        return directory.find(slug);
    }
}
