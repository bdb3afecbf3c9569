package org.onedoor.portal.layout;

import com.vaadin.flow.component.html.Anchor;

/** Links between the portal's own pages. */
public final class Links {

  private Links() {
  }

  /**
   * A link to another view by its address (views are package-private, so not by class), followed by the router
   * without reloading the page.
   */
  public static Anchor route(String href, String text) {
    Anchor link = new Anchor(href, text);
    link.getElement().setAttribute("router-link", true);
    return link;
  }
}
