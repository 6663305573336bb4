package org.charter.web.rollout;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The ticks on a quiz form, keyed by question: one choice per single-answer question, a list for the others.
 * Turns whatever the form posted (a string, an array, a list) into sets of choice ids for the service.
 */
public class Answers implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Object> single = new HashMap<>();
    private final Map<String, Object> multiple = new HashMap<>();

    public Map<String, Object> getSingle() {
        return single;
    }

    public Map<String, Object> getMultiple() {
        return multiple;
    }

    public void clear() {
        single.clear();
        multiple.clear();
    }

    public Map<String, Set<String>> asSets() {
        Map<String, Set<String>> sets = new HashMap<>();
        single.forEach((question, value) -> sets.put(question, ids(value)));
        multiple.forEach((question, value) -> sets.merge(question, ids(value), (a, b) -> {
            Set<String> both = new LinkedHashSet<>(a);
            both.addAll(b);
            return both;
        }));
        return sets;
    }

    private static Set<String> ids(Object value) {
        Set<String> ids = new LinkedHashSet<>();
        if (value instanceof Object[] array) {
            for (Object item : array) {
                add(ids, item);
            }
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(item -> add(ids, item));
        } else {
            add(ids, value);
        }
        return ids;
    }

    private static void add(Set<String> ids, Object item) {
        if (item != null && !item.toString().isBlank()) {
            ids.add(item.toString());
        }
    }
}
