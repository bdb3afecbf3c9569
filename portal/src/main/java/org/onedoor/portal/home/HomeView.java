package org.onedoor.portal.home;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import java.util.stream.Collectors;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.GeographyClient;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.Township;
import org.onedoor.portal.layout.ApiErrors;

/** The public home page: what OneDoor is, and the townships it serves, read from the API. */
@Route("")
@AnonymousAllowed
@Menu(order = 0, title = "nav.home", icon = "vaadin:home")
class HomeView extends VerticalLayout implements HasDynamicTitle {

  HomeView(GeographyClient api) {
    add(new H2(getTranslation("home.title")), new Paragraph(getTranslation("home.intro")));
    boolean english = Language.of(getLocale()) == Language.EN;

    Grid<Township> townships = new Grid<>();
    townships.setId("townships");
    townships.addColumn(t -> english ? t.nameEn() : t.name()).setHeader(getTranslation("home.township"))
        .setAutoWidth(true);
    townships.addColumn(t -> t.villages().stream().map(v -> english ? v.nameEn() : v.name())
        .collect(Collectors.joining(english ? ", " : "、"))).setHeader(getTranslation("home.villages"))
        .setFlexGrow(1);
    townships.addColumn(t -> String.format(Locale.ROOT, "%.3f° N, %.3f° E", t.coordinates().latitude(),
        t.coordinates().longitude())).setHeader(getTranslation("home.coordinates")).setAutoWidth(true);
    townships.setAllRowsVisible(true);

    try {
      townships.setItems(api.townships());
      add(townships);
    } catch (ApiException failure) {
      Paragraph unavailable = new Paragraph(ApiErrors.message(this, failure));
      unavailable.setId("townships-unavailable");
      add(unavailable);
      ApiErrors.show(this, failure);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("home.pageTitle");
  }
}
