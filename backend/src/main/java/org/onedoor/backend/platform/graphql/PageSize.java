package org.onedoor.backend.platform.graphql;

/**
 * A validated page size for keyset (Relay) connections.
 *
 * @param value how many items to fetch, 1..cap
 */
public record PageSize(int value) {

  public PageSize {
    if (value < 1) {
      throw new IllegalArgumentException("page size must be positive");
    }
  }

  /**
   * The page size for a requested {@code first}. A negative request is the caller's mistake and is refused;
   * a request above the cap is capped, as Relay allows a server to return fewer items than asked.
   */
  static PageSize of(Integer first, int defaultSize, int cap) {
    if (first == null) {
      return new PageSize(Math.min(defaultSize, cap));
    }
    if (first < 0) {
      throw new InvalidPageSizeException(first);
    }
    return new PageSize(Math.max(1, Math.min(first, cap)));
  }

  /** Raised for a negative {@code first}; resolved to a BAD_REQUEST error. */
  public static final class InvalidPageSizeException extends IllegalArgumentException {
    InvalidPageSizeException(int first) {
      super("first must not be negative: " + first);
    }
  }
}
