package org.onedoor.backend.platform.graphql;

import java.util.List;
import java.util.function.Function;

/**
 * A Relay connection page, the one shape every keyset-paged query returns (GraphQL {@code XxxConnection}).
 *
 * @param edges the items of the page with their cursors
 * @param pageInfo where the page stands
 * @param <T> the node type
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

  /**
   * An item with its cursor.
   *
   * @param cursor opaque cursor
   * @param node the item
   * @param <T> the node type
   */
  public record Edge<T>(String cursor, T node) {
  }

  /**
   * Relay page information.
   *
   * @param hasNextPage whether more items follow
   * @param endCursor the cursor of the last item, or null for an empty page
   */
  public record PageInfo(boolean hasNextPage, String endCursor) {
  }

  /**
   * The page from a query that fetched one item more than the page size: the extra one only says that more follow.
   */
  public static <S, T> Connection<T> of(List<S> fetched, PageSize size, Function<S, String> cursor,
      Function<S, T> node) {
    List<Edge<T>> edges = fetched.stream().limit(size.value())
        .map(item -> new Edge<>(cursor.apply(item), node.apply(item))).toList();
    return new Connection<>(edges,
        new PageInfo(fetched.size() > size.value(), edges.isEmpty() ? null : edges.getLast().cursor()));
  }
}
