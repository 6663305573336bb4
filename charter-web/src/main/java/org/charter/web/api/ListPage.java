package org.charter.web.api;

import java.util.List;

/** One page of a list, and the cursor for the next one (absent on the last page). */
public record ListPage<T>(List<T> items, String next) {}
