package org.charter.model.charter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.charter.model.common.TenantOwned;
import org.charter.model.franchise.Language;

/** The canonical text of a frozen version in one language, and its SHA-256. Written once, at freeze. */
@Entity
@Table(name = "version_rendering")
public class VersionRendering extends TenantOwned {

    private static final long serialVersionUID = 1L;

    @ManyToOne(optional = false)
    @JoinColumn(name = "version_id")
    private CharterVersion charterVersion;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(nullable = false)
    private String canonical;

    @Column(nullable = false, length = 64)
    private String sha256;

    protected VersionRendering() {}

    public VersionRendering(CharterVersion charterVersion, Language language, String canonical) {
        this.charterVersion = charterVersion;
        this.locale = language.tag();
        this.canonical = canonical;
        this.sha256 = Hashes.sha256(canonical);
    }

    public CharterVersion getCharterVersion() {
        return charterVersion;
    }

    public Language getLanguage() {
        return Language.fromTag(locale).orElse(Language.EN);
    }

    public String getCanonical() {
        return canonical;
    }

    public String getSha256() {
        return sha256;
    }
}
