package org.onedoor.portal.needs;

import com.vaadin.flow.component.Component;
import org.onedoor.portal.api.PublicNeed;
import org.onedoor.portal.layout.Cards;

/** A public need as a card, for pages other than the board (the home page's most urgent needs). */
public final class NeedCards {

  private NeedCards() {
  }

  /** The card the board shows for a need, in the view's language, linking to the need's page. */
  public static Cards.Card card(Component view, PublicNeed need) {
    return new NeedTexts(view).card(need);
  }
}
