package org.onedoor.backend.platform.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every limit a GraphQL request is held to, in one place.
 *
 * @param maxDepth deepest selection allowed (introspection included)
 * @param maxComplexity most fields a query may select, counted by graphql-java's complexity calculator
 * @param maxTokens most parser tokens in one document; longer documents are refused before parsing finishes
 * @param maxPageSize the largest {@code first} a connection accepts
 * @param defaultPageSize the page size when a caller gives no {@code first}
 * @param introspection whether {@code __schema}/{@code __type} are answered (off in production); applied per
 *     request, never JVM-wide
 */
@ConfigurationProperties("onedoor.graphql.limits")
public record GraphQlLimits(
    @DefaultValue("15") int maxDepth,
    @DefaultValue("300") int maxComplexity,
    @DefaultValue("5000") int maxTokens,
    @DefaultValue("100") int maxPageSize,
    @DefaultValue("20") int defaultPageSize,
    @DefaultValue("true") boolean introspection) {

  public GraphQlLimits {
    if (maxDepth < 1 || maxComplexity < 1 || maxTokens < 1 || maxPageSize < 1) {
      throw new IllegalArgumentException("GraphQL limits must be positive");
    }
    if (defaultPageSize < 1 || defaultPageSize > maxPageSize) {
      throw new IllegalArgumentException("defaultPageSize must lie in 1..maxPageSize");
    }
  }

  /** The page size to use for a requested {@code first}: the default when absent, never above the cap. */
  public PageSize pageSize(Integer first) {
    return PageSize.of(first, defaultPageSize, maxPageSize);
  }
}
