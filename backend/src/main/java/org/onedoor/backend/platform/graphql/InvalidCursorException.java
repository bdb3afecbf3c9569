package org.onedoor.backend.platform.graphql;

/** A page cursor the server did not make; resolved to a localised BAD_REQUEST error. */
public final class InvalidCursorException extends IllegalArgumentException {

  public InvalidCursorException() {
    super("invalid cursor");
  }
}
