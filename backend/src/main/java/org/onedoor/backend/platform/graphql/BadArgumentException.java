package org.onedoor.backend.platform.graphql;

/**
 * A query argument out of its documented range; resolved to a localised BAD_REQUEST error whose message is
 * {@code error.<code>} with the given arguments. The message never carries the caller's input.
 */
public class BadArgumentException extends IllegalArgumentException {

  private final String code;
  private final transient Object[] args;

  public BadArgumentException(String code, Object... args) {
    super(code);
    this.code = code;
    this.args = args.clone();
  }

  public String code() {
    return code;
  }

  Object[] args() {
    return args.clone();
  }
}
