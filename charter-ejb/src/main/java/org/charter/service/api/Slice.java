package org.charter.service.api;

import java.util.List;

/** One page of a list read with a cursor: {@code next} is the key to continue after, null on the last page. */
public record Slice<T>(List<T> items, String next) {}
