package org.onedoor.portal.needs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.GeographyClient;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.NeedCategories;
import org.onedoor.portal.api.PublicNeed;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.layout.KeysetPager;

/**
 * The public need board: anonymised needs, most urgent first, filtered by category, township and urgency, paged by
 * the API's cursors ("more"), each opening in a detail dialog. Nothing here can point to a child.
 */
@Route("needs")
@AnonymousAllowed
@Menu(order = 1, title = "nav.needs", icon = "vaadin:heart")
class NeedBoardView extends VerticalLayout implements HasDynamicTitle {

  private static final int PAGE_SIZE = 20;

  private final NeedsClient api;
  private final GeographyClient places;
  private final Grid<PublicNeed> grid = new Grid<>();
  private final ComboBox<String> category = new ComboBox<>();
  private final ComboBox<Township> township = new ComboBox<>();
  private final ComboBox<String> urgency = new ComboBox<>();
  private final com.vaadin.flow.component.checkbox.Checkbox fulfilled = new com.vaadin.flow.component.checkbox.Checkbox();
  private final boolean english;
  private final KeysetPager<PublicNeed> pager;

  NeedBoardView(NeedsClient api, GeographyClient places) {
    this.places = places;
    this.api = api;
    this.english = Language.of(getLocale()) == Language.EN;
    add(new H2(getTranslation("needs.title")), new Paragraph(getTranslation("needs.intro")));
    add(filters());
    configureGrid();
    pager = new KeysetPager<>(this, grid, "needs-more", PAGE_SIZE, (first, after) -> api.needs(category.getValue(),
        township.getValue() == null ? null : township.getValue().id(), urgency.getValue(), fulfilled.getValue(), first,
        after));
    add(grid, pager.moreButton());
    pager.reload();
  }

  private HorizontalLayout filters() {
    category.setId("filter-category");
    category.setLabel(getTranslation("needs.category"));
    category.setItems(NeedCategories.CATEGORIES);
    category.setItemLabelGenerator(c -> getTranslation("needCategory." + c));
    urgency.setId("filter-urgency");
    urgency.setLabel(getTranslation("needs.urgency"));
    urgency.setItems(NeedCategories.URGENCIES);
    urgency.setItemLabelGenerator(u -> getTranslation("urgency." + u));
    township.setId("filter-township");
    township.setLabel(getTranslation("needs.township"));
    township.setItemLabelGenerator(this::townshipName);
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
    HorizontalLayout filters = new HorizontalLayout(category, township, urgency, fulfilled);
    filters.setAlignItems(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);
    return filters;
  }

  private void configureGrid() {
    grid.setId("needs");
    grid.addColumn(PublicNeed::title).setHeader(getTranslation("needs.need")).setFlexGrow(2);
    grid.addComponentColumn(n -> {
      Span state = new Span(getTranslation(n.fulfilled() ? "needs.fulfilled" : "needs.open"));
      state.getElement().getThemeList().add(n.fulfilled() ? "badge success" : "badge");
      return state;
    }).setHeader(getTranslation("needs.state")).setAutoWidth(true);
    grid.addColumn(n -> getTranslation("needCategory." + n.category())).setHeader(getTranslation("needs.category"))
        .setAutoWidth(true);
    grid.addColumn(n -> getTranslation("urgency." + n.urgency())).setHeader(getTranslation("needs.urgency"))
        .setAutoWidth(true);
    grid.addColumn(this::child).setHeader(getTranslation("needs.child")).setAutoWidth(true);
    grid.addColumn(n -> n.township() == null ? getTranslation("needs.cityWide") : townshipName(n.township()))
        .setHeader(getTranslation("needs.township")).setAutoWidth(true);
    grid.addColumn(this::asked).setHeader(getTranslation("needs.asked")).setFlexGrow(1);
    grid.setAllRowsVisible(true);
    grid.addItemClickListener(click -> showDetail(click.getItem()));
  }

  private void showDetail(PublicNeed need) {
    Dialog dialog = new Dialog();
    dialog.setId("need-detail");
    dialog.setHeaderTitle(need.title());
    VerticalLayout body = new VerticalLayout();
    body.add(new Paragraph(need.description()));
    body.add(line("needs.category", getTranslation("needCategory." + need.category())));
    body.add(line("needs.urgency", getTranslation("urgency." + need.urgency())));
    body.add(line("needs.child", child(need)));
    body.add(line("needs.township", need.township() == null ? getTranslation("needs.cityWide")
        : townshipName(need.township())));
    if (need.condition() != null) {
      body.add(line("needs.condition", getTranslation("condition." + need.condition().category())
          + (need.condition().type() == null ? "" : " · " + need.condition().type())));
    }
    if (need.childrenHome() != null) {
      body.add(line("needs.deliveredBy", need.childrenHome().name()
          + (need.childrenHome().publicContact() == null ? "" : " · " + need.childrenHome().publicContact())));
    }
    body.add(line("needs.asked", asked(need)));
    if (need.deadlineMonth() != null) {
      body.add(line("needs.deadline", need.deadlineMonth()));
    }
    body.add(line("needs.published", need.publishedMonth()));
    dialog.add(body);
    Button close = new Button(getTranslation("needs.close"), click -> dialog.close());
    close.setId("need-detail-close");
    dialog.getFooter().add(close);
    if (!need.fulfilled() && signedIn()) {
      Button pledge = new Button(getTranslation("pledge.open"), click -> {
        dialog.close();
        new PledgeDialog(api, need).open();
      });
      pledge.setId("need-pledge");
      pledge.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.PRIMARY);
      dialog.getFooter().add(pledge);
    }
    dialog.open();
  }

  private static boolean signedIn() {
    var user = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
    return user != null && user.isAuthenticated()
        && !(user instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
  }

  private Span line(String labelKey, String value) {
    return new Span(getTranslation(labelKey) + ": " + value);
  }

  private String child(PublicNeed need) {
    String age = getTranslation("ageBand." + need.ageBand());
    return need.sex() == null ? age : age + " · " + getTranslation("sex." + need.sex());
  }

  private String asked(PublicNeed need) {
    List<String> parts = new ArrayList<>();
    if (need.amountYuan() != null) {
      parts.add(getTranslation("needs.amount", need.amountYuan()));
    }
    if (!need.goods().isEmpty()) {
      parts.add(String.join(english ? ", " : "、", need.goods()));
    }
    if (need.serviceHours() != null) {
      parts.add(getTranslation("needs.hours", need.serviceHours()));
    }
    return String.join(english ? "; " : "；", parts);
  }

  private String townshipName(Township t) {
    return english ? t.nameEn() : t.name();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("needs.pageTitle");
  }
}
