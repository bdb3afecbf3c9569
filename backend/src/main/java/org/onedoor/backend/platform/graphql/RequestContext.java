package org.onedoor.backend.platform.graphql;

/** Keys of what the HTTP request puts into every GraphQL request's context. */
public final class RequestContext {

  /**
   * The client's IP address (behind a proxy: as the forwarded headers say, with
   * {@code server.forward-headers-strategy}), e.g. for rate limits; never stored with what the client sends.
   */
  public static final String CLIENT_ADDRESS = "onedoor.clientAddress";

  private RequestContext() {
  }
}
