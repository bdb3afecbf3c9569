package org.onedoor.portal.safety;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.layout.Cards;
import org.onedoor.portal.layout.KeysetPager;
import org.onedoor.schema.RoleNames;

/**
 * The open safety chains (安全保护) in the user's scope, the soonest due first, the overdue on top: a report's
 * receipt code, its township, the step due and by when. Each opens the chain. {@code ?receipt=<code>} (from a
 * notification) shows that report's chain.
 */
@Route("safety")
@RolesAllowed({RoleNames.SUPERVISOR, RoleNames.TOWNSHIP_STAFF, RoleNames.DEPARTMENT_STAFF, RoleNames.CIVIL_AFFAIRS})
@Menu(order = 3.6, title = "nav.safety", icon = "vaadin:shield")
class SafetyListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

  private final Cards cards = new Cards("safety-chains");
  private final TextField receipt = new TextField();
  private final KeysetPager<SafetyApi.Chain> pager;

  SafetyListView(SafetyClient api) {
    add(new H2(getTranslation("safety.title")), new Paragraph(getTranslation("safety.intro")));
    receipt.setId("safety-receipt");
    receipt.setLabel(getTranslation("track.code"));
    receipt.setClearButtonVisible(true);
    receipt.setValueChangeMode(ValueChangeMode.LAZY);
    Checkbox overdue = new Checkbox(getTranslation("safety.overdueOnly"));
    overdue.setId("safety-overdue");
    pager = new KeysetPager<>(this, this::show, "safety-more", 20,
        (first, after) -> api.open(receipt.getValue(), overdue.getValue(), first, after));
    receipt.addValueChangeListener(change -> pager.reload());
    overdue.addValueChangeListener(change -> pager.reload());
    HorizontalLayout filters = new HorizontalLayout(receipt, overdue);
    filters.setWrap(true);
    filters.setAlignItems(Alignment.BASELINE);
    add(filters, cards, pager.moreButton());
    pager.reload();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    event.getLocation().getQueryParameters().getParameters().getOrDefault("receipt", List.of()).stream()
        .findFirst().ifPresent(receipt::setValue);
  }

  private void show(List<SafetyApi.Chain> chains) {
    cards.removeAll();
    boolean english = Language.of(getLocale()) == Language.EN;
    for (SafetyApi.Chain chain : chains) {
      Cards.Card card = new Cards.Card(chain.receiptCode(), "safety-chain/" + chain.id());
      if (chain.immediateDanger()) {
        card.badge(getTranslation("safety.danger"), "badge error primary");
      }
      card.badge(chain.overdue() ? getTranslation("safety.overdue") : getTranslation("safety.open"),
          chain.overdue() ? "badge error" : "badge");
      card.line(getTranslation("needs.township"), chain.township() == null ? null
              : english ? chain.township().nameEn() : chain.township().name())
          .line(getTranslation("safety.nextStep"), chain.nextStep() == null ? null
              : getTranslation("safetyStep." + chain.nextStep()))
          .line(getTranslation("safety.dueAt"), SafetyTexts.minutes(chain.dueAt()))
          .line(getTranslation("safety.lead"), getTranslation("department." + chain.lead()))
          .line(getTranslation("safety.reportedAt"), SafetyTexts.minutes(chain.reportedAt()));
      card.addClassName("safety-card");
      cards.add(card);
    }
    cards.emptyText(getTranslation("safety.none"));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("safety.pageTitle");
  }
}
