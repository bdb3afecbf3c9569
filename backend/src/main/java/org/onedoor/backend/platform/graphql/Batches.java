package org.onedoor.backend.platform.graphql;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The shape of every {@code @BatchMapping}: collect the distinct keys of a batch, look them all up in one call, and
 * hand each item its value — so a nested field costs one query whatever the page size.
 */
public final class Batches {

  private Batches() {
  }

  /** Each item's value by its key; items whose key is null or not found are left out (the field is null). */
  public static <S, K, V> Map<S, V> resolve(Collection<S> items, Function<S, K> key,
      Function<List<K>, Map<K, V>> lookup) {
    Map<K, V> found = lookup.apply(keys(items, key));
    Map<S, V> result = new LinkedHashMap<>();
    for (S item : items) {
      K itemKey = key.apply(item);
      // An item without a key has no value; and some maps (Map.of) refuse to look a null key up.
      V value = itemKey == null ? null : found.get(itemKey);
      if (value != null) {
        result.put(item, value);
      }
    }
    return result;
  }

  /** Each item's list by its key; an empty list when there is none. */
  public static <S, K, V> Map<S, List<V>> resolveMany(Collection<S> items, Function<S, K> key,
      Function<List<K>, Map<K, List<V>>> lookup) {
    Map<K, List<V>> found = lookup.apply(keys(items, key));
    Map<S, List<V>> result = new LinkedHashMap<>();
    items.forEach(item -> {
      K itemKey = key.apply(item);
      result.put(item, itemKey == null ? List.of() : found.getOrDefault(itemKey, List.of()));
    });
    return result;
  }

  private static <S, K> List<K> keys(Collection<S> items, Function<S, K> key) {
    return items.stream().map(key).filter(Objects::nonNull).distinct().toList();
  }
}
