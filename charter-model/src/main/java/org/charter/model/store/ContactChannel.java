package org.charter.model.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.regex.Pattern;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Lengths;
import org.charter.model.common.TenantOwned;

/** One way to reach a store (its phone, its e-mail, its postal address, a social account) and its hours. */
@Entity
@Table(name = "store_channel")
public class ContactChannel extends TenantOwned {

    private static final long serialVersionUID = 1L;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{5,30}");

    @ManyToOne(optional = false)
    @JoinColumn(name = "store_id")
    private Store store;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ChannelKind kind;

    @Column(name = "contact", length = Lengths.CHANNEL_VALUE)
    private String contact;

    @Column(length = Lengths.HOURS)
    private String hours;

    @Column(nullable = false)
    private int position;

    protected ContactChannel() {}

    ContactChannel(Store store, ChannelKind kind, String contact, String hours, int position) {
        this.store = store;
        this.kind = kind;
        this.position = position;
        change(contact, hours);
    }

    public void change(String newContact, String newHours) {
        String value = newContact == null ? "" : newContact.strip();
        if (value.length() > Lengths.CHANNEL_VALUE) {
            throw new BusinessException("error.tooLong", "contact", Lengths.CHANNEL_VALUE);
        }
        if (value.isEmpty() && kind != ChannelKind.IN_PERSON) {
            throw new BusinessException("error.store.channelContact", kind.name());
        }
        if (kind == ChannelKind.EMAIL && !EMAIL.matcher(value).matches()) {
            throw new BusinessException("error.email", value);
        }
        if (kind == ChannelKind.PHONE && !PHONE.matcher(value).matches()) {
            throw new BusinessException("error.phone", value);
        }
        this.contact = value.isEmpty() ? null : value;
        this.hours = ServiceHours.normalise(newHours);
    }

    public Store getStore() {
        return store;
    }

    public ChannelKind getKind() {
        return kind;
    }

    public String getContact() {
        return contact;
    }

    public String getHours() {
        return hours;
    }

    public int getPosition() {
        return position;
    }
}
