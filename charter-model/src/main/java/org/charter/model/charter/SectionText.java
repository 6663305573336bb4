package org.charter.model.charter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.charter.model.common.BusinessException;
import org.charter.model.common.TenantOwned;
import org.charter.model.franchise.Language;

/** A section's title and (sanitised) body in one language. */
@Entity
@Table(name = "section_text")
public class SectionText extends TenantOwned {

    private static final long serialVersionUID = 1L;

    public static final int TITLE_LENGTH = 200;
    public static final int BODY_LENGTH = 50_000;

    @ManyToOne(optional = false)
    @JoinColumn(name = "section_id")
    private CharterSection section;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(nullable = false, length = TITLE_LENGTH)
    private String title;

    @Column(nullable = false)
    private String body;

    @Column(name = "source_hash", length = 64)
    private String sourceHash;

    protected SectionText() {}

    SectionText(CharterSection section, Language language, String title, String body, String sourceHash) {
        this.section = section;
        this.locale = language.tag();
        change(title, body, sourceHash);
    }

    void change(String newTitle, String newBody, String newSourceHash) {
        String tidyTitle = newTitle == null ? "" : newTitle.strip();
        String tidyBody = newBody == null ? "" : newBody.strip();
        if (tidyTitle.length() > TITLE_LENGTH) {
            throw new BusinessException("error.tooLong", "title", TITLE_LENGTH);
        }
        if (tidyBody.length() > BODY_LENGTH) {
            throw new BusinessException("error.tooLong", "body", BODY_LENGTH);
        }
        this.title = tidyTitle;
        this.body = tidyBody;
        this.sourceHash = newSourceHash;
    }

    public boolean isBlank() {
        return title.isBlank() || body.replaceAll("<[^>]*>", "").isBlank();
    }

    /** Hash of what this text says, recorded by the translations made from it. */
    public String contentHash() {
        return Hashes.sha256(title + "\n" + body);
    }

    public CharterSection getSection() {
        return section;
    }

    public Language getLanguage() {
        return Language.fromTag(locale).orElse(Language.EN);
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getSourceHash() {
        return sourceHash;
    }
}
