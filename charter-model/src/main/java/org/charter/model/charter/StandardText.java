package org.charter.model.charter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.charter.model.common.BusinessException;
import org.charter.model.common.TenantOwned;
import org.charter.model.franchise.Language;

/** The wording of a service standard's promise in one language. Plain text. */
@Entity
@Table(name = "standard_text")
public class StandardText extends TenantOwned {

    private static final long serialVersionUID = 1L;

    @ManyToOne(optional = false)
    @JoinColumn(name = "standard_id")
    private ServiceStandard standard;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(nullable = false, length = ServiceStandard.PROMISE_LENGTH)
    private String promise;

    @Column(name = "source_hash", length = 64)
    private String sourceHash;

    protected StandardText() {}

    StandardText(ServiceStandard standard, Language language, String promise, String sourceHash) {
        this.standard = standard;
        this.locale = language.tag();
        change(promise, sourceHash);
    }

    void change(String newPromise, String newSourceHash) {
        String tidy = newPromise == null ? "" : newPromise.strip();
        if (tidy.length() > ServiceStandard.PROMISE_LENGTH) {
            throw new BusinessException("error.tooLong", "promise", ServiceStandard.PROMISE_LENGTH);
        }
        this.promise = tidy;
        this.sourceHash = newSourceHash;
    }

    public ServiceStandard getStandard() {
        return standard;
    }

    public Language getLanguage() {
        return Language.fromTag(locale).orElse(Language.EN);
    }

    public String getPromise() {
        return promise;
    }

    public String getSourceHash() {
        return sourceHash;
    }
}
