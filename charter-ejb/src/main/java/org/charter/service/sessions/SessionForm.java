package org.charter.service.sessions;

import java.io.Serializable;
import java.time.LocalDateTime;

/** A session as a manager plans it: the start as the store's wall clock shows it, length, place, trainer, seats. */
public record SessionForm(LocalDateTime start, int durationMinutes, String place, String trainer, int capacity)
        implements Serializable {}
