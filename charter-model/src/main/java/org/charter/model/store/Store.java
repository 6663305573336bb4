package org.charter.model.store;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Lengths;
import org.charter.model.common.TenantOwned;
import org.charter.model.franchise.Franchise;

/** A store of the franchise. Its address, channels and hours fill the store-specific parts of the charter. */
@Entity
@Table(name = "store")
public class Store extends TenantOwned {

    private static final long serialVersionUID = 1L;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");

    @Column(nullable = false, length = Lengths.CODE)
    private String code;

    @Column(nullable = false, length = Lengths.NAME)
    private String name;

    @ManyToOne
    @JoinColumn(name = "region_id")
    private Region region;

    @Column(length = Lengths.ADDRESS_LINE)
    private String street;

    @Column(name = "postal_code", length = Lengths.POSTAL_CODE)
    private String postalCode;

    @Column(length = Lengths.CITY)
    private String city;

    @Column(length = 2)
    private String country;

    @Column(name = "time_zone", nullable = false, length = Lengths.TIME_ZONE)
    private String timeZone;

    @Column(nullable = false)
    private boolean active = true;

    @OneToMany(mappedBy = "store", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ContactChannel> channels = new ArrayList<>();

    protected Store() {}

    public Store(String code, String name, String timeZone) {
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            throw new BusinessException("error.store.code");
        }
        this.code = code.strip().toUpperCase(java.util.Locale.ROOT);
        rename(name);
        moveToZone(timeZone);
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new BusinessException("error.required", "name");
        }
        if (newName.strip().length() > Lengths.NAME) {
            throw new BusinessException("error.tooLong", "name", Lengths.NAME);
        }
        this.name = newName.strip();
    }

    public void moveToZone(String zone) {
        this.timeZone = Franchise.validZone(zone);
    }

    public void placeInRegion(Region newRegion) {
        this.region = newRegion;
    }

    public void relocate(String newStreet, String newPostalCode, String newCity, String newCountry) {
        this.street = limited(newStreet, "street", Lengths.ADDRESS_LINE);
        this.postalCode = limited(newPostalCode, "postalCode", Lengths.POSTAL_CODE);
        this.city = limited(newCity, "city", Lengths.CITY);
        String countryCode = limited(newCountry, "country", 2);
        if (countryCode != null && !countryCode.matches("[A-Za-z]{2}")) {
            throw new BusinessException("error.store.country");
        }
        this.country = countryCode == null ? null : countryCode.toUpperCase(java.util.Locale.ROOT);
    }

    public ContactChannel addChannel(ChannelKind kind, String contact, String hours) {
        ContactChannel channel = new ContactChannel(this, kind, contact, hours, channels.size());
        channels.add(channel);
        return channel;
    }

    public void removeChannel(ContactChannel channel) {
        channels.remove(channel);
    }

    public void close() {
        this.active = false;
    }

    public void reopen() {
        this.active = true;
    }

    private static String limited(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String tidy = value.strip();
        if (tidy.length() > max) {
            throw new BusinessException("error.tooLong", field, max);
        }
        return tidy;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Region getRegion() {
        return region;
    }

    public String getStreet() {
        return street;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCity() {
        return city;
    }

    public String getCountry() {
        return country;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public boolean isActive() {
        return active;
    }

    public List<ContactChannel> getChannels() {
        return Collections.unmodifiableList(channels);
    }
}
