package org.onedoor.portal.needs;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.GeographyClient;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.NeedCategories;
import org.onedoor.portal.api.PublicNeed;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.layout.Cards;
import org.onedoor.portal.layout.KeysetPager;

/**
 * The public need board: anonymised needs, most urgent first, as cards (one column on a phone), filtered by
 * category, township and urgency in a filter drawer (closed on a phone, open on a wide screen), paged by the API's
 * cursors ("more"). Each card opens the need's own page, which has an address to share. Nothing here can point to a
 * child.
 */
@Route("needs")
@AnonymousAllowed
@Menu(order = 1, title = "nav.needs", icon = "vaadin:heart")
class NeedBoardView extends VerticalLayout implements HasDynamicTitle {

  private static final int PAGE_SIZE = 20;
  /** Wider than this (CSS pixels), the filter drawer starts open. */
  private static final int WIDE = 700;

  private final NeedsClient api;
  private final GeographyClient places;
  private final NeedTexts texts;
  private final Cards cards = new Cards("needs");
  private final ComboBox<String> category = new ComboBox<>();
  private final ComboBox<Township> township = new ComboBox<>();
  private final ComboBox<String> urgency = new ComboBox<>();
  private final Checkbox fulfilled = new Checkbox();
  private final Details filters = new Details();
  private final boolean english;
  private final KeysetPager<PublicNeed> pager;

  NeedBoardView(NeedsClient api, GeographyClient places) {
    this.places = places;
    this.api = api;
    this.texts = new NeedTexts(this);
    this.english = Language.of(getLocale()) == Language.EN;
    addClassName("od-page");
    add(new H2(getTranslation("needs.title")), new Paragraph(getTranslation("needs.intro")));
    add(filters());
    pager = new KeysetPager<>(this, this::show, "needs-more", PAGE_SIZE, (first, after) -> api.needs(
        category.getValue(), township.getValue() == null ? null : township.getValue().id(), urgency.getValue(),
        fulfilled.getValue(), first, after));
    add(cards, pager.moreButton());
    pager.reload();
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    event.getUI().getPage().retrieveExtendedClientDetails(details ->
        filters.setOpened(details.getWindowInnerWidth() > WIDE));
  }

  private void show(List<PublicNeed> needs) {
    cards.removeAll();
    needs.forEach(need -> cards.add(texts.card(need)));
    cards.emptyText(getTranslation("needs.none"));
  }

  private Details filters() {
    category.setId("filter-category");
    category.setLabel(getTranslation("needs.category"));
    category.setItems(NeedCategories.CATEGORIES);
    category.setItemLabelGenerator(c -> getTranslation("needCategory." + c));
    category.setClearButtonVisible(true);
    urgency.setId("filter-urgency");
    urgency.setLabel(getTranslation("needs.urgency"));
    urgency.setItems(NeedCategories.URGENCIES);
    urgency.setItemLabelGenerator(u -> getTranslation("urgency." + u));
    urgency.setClearButtonVisible(true);
    township.setId("filter-township");
    township.setLabel(getTranslation("needs.township"));
    township.setItemLabelGenerator(t -> english ? t.nameEn() : t.name());
    township.setClearButtonVisible(true);
    try {
      township.setItems(places.townships());
    } catch (ApiException failure) {
      township.setEnabled(false);
    }
    List.of(category, urgency).forEach(box -> box.addValueChangeListener(change -> pager.reload()));
    township.addValueChangeListener(change -> pager.reload());
    fulfilled.setId("filter-fulfilled");
    fulfilled.setLabel(getTranslation("needs.showFulfilled"));
    fulfilled.addValueChangeListener(change -> pager.reload());
    HorizontalLayout fields = new HorizontalLayout(category, township, urgency, fulfilled);
    fields.setAlignItems(FlexComponent.Alignment.BASELINE);
    fields.setWrap(true);
    filters.setSummaryText(getTranslation("needs.filters"));
    filters.setId("needs-filters");
    filters.add(fields);
    filters.setWidthFull();
    return filters;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("needs.pageTitle");
  }
}
