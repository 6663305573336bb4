package org.charter.service.store;

import org.charter.model.store.ChannelKind;

/** One contact channel of a store as typed in the form. */
public record ChannelForm(ChannelKind kind, String contact, String hours) {}
