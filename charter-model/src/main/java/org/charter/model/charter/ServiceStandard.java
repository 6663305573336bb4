package org.charter.model.charter;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.charter.model.common.BusinessException;
import org.charter.model.common.TenantOwned;
import org.charter.model.franchise.Language;
import org.charter.model.store.ChannelKind;

/**
 * A measurable promise: on a channel, a target such as "reply within 24 hours". The target is structured so
 * complaints can take it as their response deadline; the wording of the promise exists per language.
 */
@Entity
@Table(name = "service_standard")
public class ServiceStandard extends TenantOwned {

    private static final long serialVersionUID = 1L;

    public static final int PROMISE_LENGTH = 500;
    private static final int LARGEST_TARGET = 10_000;

    @ManyToOne(optional = false)
    @JoinColumn(name = "section_id")
    private CharterSection section;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ChannelKind channel;

    @Column(name = "target_value", nullable = false)
    private int targetValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_unit", nullable = false, length = 16)
    private TargetUnit targetUnit;

    @Column(nullable = false)
    private int position;

    @OneToMany(mappedBy = "standard", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<StandardText> texts = new ArrayList<>();

    protected ServiceStandard() {}

    ServiceStandard(CharterSection section, ChannelKind channel, int targetValue, TargetUnit unit, int position) {
        this.section = section;
        this.position = position;
        retarget(channel, targetValue, unit);
    }

    public void retarget(ChannelKind newChannel, int value, TargetUnit unit) {
        section.getCharterVersion().requireDraft();
        if (newChannel == null || unit == null) {
            throw new BusinessException("error.required", newChannel == null ? "channel" : "unit");
        }
        if (value < 1 || value > LARGEST_TARGET) {
            throw new BusinessException("error.charter.target", LARGEST_TARGET);
        }
        this.channel = newChannel;
        this.targetValue = value;
        this.targetUnit = unit;
    }

    public StandardText promise(Language language, String promise, String sourceHash) {
        section.getCharterVersion().requireDraft();
        Optional<StandardText> existing = text(language);
        if (existing.isPresent()) {
            existing.get().change(promise, sourceHash);
            return existing.get();
        }
        StandardText text = new StandardText(this, language, promise, sourceHash);
        texts.add(text);
        return text;
    }

    public Optional<StandardText> text(Language language) {
        return texts.stream().filter(t -> t.getLanguage() == language).findFirst();
    }

    public Optional<String> sourceHash() {
        return text(section.getCharterVersion().getSourceLanguage()).map(t -> Hashes.sha256(t.getPromise()));
    }

    public Duration target() {
        return targetUnit.of(targetValue);
    }

    public CharterSection getSection() {
        return section;
    }

    public ChannelKind getChannel() {
        return channel;
    }

    public int getTargetValue() {
        return targetValue;
    }

    public TargetUnit getTargetUnit() {
        return targetUnit;
    }

    public int getPosition() {
        return position;
    }

    public List<StandardText> getTexts() {
        return Collections.unmodifiableList(texts);
    }
}
