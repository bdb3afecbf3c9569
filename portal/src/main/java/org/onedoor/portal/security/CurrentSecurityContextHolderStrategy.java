package org.onedoor.portal.security;

import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Forwards to whatever strategy {@link SecurityContextHolder} holds at the moment of the call. Vaadin installs its
 * own strategy after the security beans are built; components that capture the strategy at construction would
 * otherwise look at an empty context for ever.
 */
final class CurrentSecurityContextHolderStrategy implements SecurityContextHolderStrategy {

  private static SecurityContextHolderStrategy current() {
    return SecurityContextHolder.getContextHolderStrategy();
  }

  @Override
  public void clearContext() {
    current().clearContext();
  }

  @Override
  public SecurityContext getContext() {
    return current().getContext();
  }

  @Override
  public Supplier<SecurityContext> getDeferredContext() {
    return current().getDeferredContext();
  }

  @Override
  public void setContext(SecurityContext context) {
    current().setContext(context);
  }

  @Override
  public void setDeferredContext(Supplier<SecurityContext> deferredContext) {
    current().setDeferredContext(deferredContext);
  }

  @Override
  public SecurityContext createEmptyContext() {
    return current().createEmptyContext();
  }
}
