package org.charter.web.store;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.charter.model.common.Lengths;
import org.charter.model.store.ChannelKind;
import org.charter.model.store.ContactChannel;
import org.charter.model.store.Region;
import org.charter.model.store.Store;
import org.charter.service.store.ChannelForm;
import org.charter.service.store.StoreForm;
import org.charter.service.store.StoreService;
import org.charter.web.shell.Texts;

/** {@code /hq/store.xhtml?id=…}: a new store (no id) or an existing one, with its channels and hours. */
@Named
@ViewScoped
public class StoreEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StoreService stores;

    private String id;
    private long version;
    private boolean active = true;

    @NotBlank
    @Size(max = Lengths.CODE)
    private String code;

    @NotBlank
    @Size(max = Lengths.NAME)
    private String name;

    private String regionId;

    @Size(max = Lengths.ADDRESS_LINE)
    private String street;

    @Size(max = Lengths.POSTAL_CODE)
    private String postalCode;

    @Size(max = Lengths.CITY)
    private String city;

    @Size(max = 2)
    private String country;

    @NotBlank
    private String timeZone = "Europe/Berlin";

    private List<ChannelRow> channels = new ArrayList<>();
    private List<Region> regions;

    public void load() {
        regions = stores.listRegions();
        if (id == null || id.isBlank()) {
            channels.add(new ChannelRow(ChannelKind.IN_PERSON, null, null));
            return;
        }
        Store store = stores.getStore(id);
        version = store.getVersion();
        active = store.isActive();
        code = store.getCode();
        name = store.getName();
        regionId = store.getRegion() == null ? null : store.getRegion().getId();
        street = store.getStreet();
        postalCode = store.getPostalCode();
        city = store.getCity();
        country = store.getCountry();
        timeZone = store.getTimeZone();
        channels = new ArrayList<>();
        for (ContactChannel channel : store.getChannels()) {
            channels.add(new ChannelRow(channel.getKind(), channel.getContact(), channel.getHours()));
        }
    }

    public String save() {
        StoreForm form = new StoreForm(
                code,
                name,
                regionId,
                street,
                postalCode,
                city,
                country,
                timeZone,
                channels.stream()
                        .map(c -> new ChannelForm(c.getKind(), c.getContact(), c.getHours()))
                        .toList(),
                version);
        Store saved = isNew() ? stores.createStore(form) : stores.updateStore(id, form);
        Texts.info("store.saved", saved.getCode());
        return "/hq/stores.xhtml?faces-redirect=true";
    }

    public void close() {
        stores.closeStore(id);
        Texts.info("store.closedMessage", code);
        load();
    }

    public void reopen() {
        stores.reopenStore(id);
        Texts.info("store.reopenedMessage", code);
        load();
    }

    public void addChannel() {
        channels.add(new ChannelRow(ChannelKind.PHONE, null, null));
    }

    public void removeChannel(ChannelRow row) {
        channels.remove(row);
    }

    public boolean isNew() {
        return id == null || id.isBlank();
    }

    public ChannelKind[] getKinds() {
        return ChannelKind.values();
    }

    /** One editable line of the channels table. */
    public static class ChannelRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private ChannelKind kind;
        private String contact;
        private String hours;

        ChannelRow(ChannelKind kind, String contact, String hours) {
            this.kind = kind;
            this.contact = contact;
            this.hours = hours;
        }

        public ChannelKind getKind() {
            return kind;
        }

        public void setKind(ChannelKind kind) {
            this.kind = kind;
        }

        public String getContact() {
            return contact;
        }

        public void setContact(String contact) {
            this.contact = contact;
        }

        public String getHours() {
            return hours;
        }

        public void setHours(String hours) {
            this.hours = hours;
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public boolean isActive() {
        return active;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRegionId() {
        return regionId;
    }

    public void setRegionId(String regionId) {
        this.regionId = regionId;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public List<ChannelRow> getChannels() {
        return channels;
    }

    public List<Region> getRegions() {
        return regions;
    }
}
