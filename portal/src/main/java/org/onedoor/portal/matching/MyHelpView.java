package org.onedoor.portal.matching;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.MatchingApi.OffererContact;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.api.MatchingApi.MyMatch;
import org.onedoor.portal.api.MatchingApi.MyOffer;
import org.onedoor.portal.onedoor.TrackView;
import org.onedoor.portal.layout.KeysetPager;

/**
 * My help (我的帮扶): where the matches of the user's pledges and offers stand — the anonymised need, the status, the
 * outcome and the caseworker's thank-you, never anything of the child — and the user's offers with their capacity
 * used, validity and receipt code. Once a match is approved the user may agree that the child's family learn their name
 * and phone: the family learns them, through the caseworker, only if it agrees too.
 */
@Route("my-help")
@PermitAll
@Menu(order = 4.5, title = "nav.myHelp", icon = "vaadin:gift")
public class MyHelpView extends VerticalLayout implements HasDynamicTitle {

  private static final List<String> APPROVED = List.of("APPROVED", "DELIVERED", "CONFIRMED");

  private final MatchingClient api;
  private final KeysetPager<MyMatch> pager;
  private final java.util.Map<String, MyOffer> offers = new java.util.HashMap<>();

  MyHelpView(MatchingClient api) {
    this.api = api;
    add(new H2(getTranslation("myHelp.title")), new Paragraph(getTranslation("myHelp.intro")));
    Grid<MyMatch> grid = new Grid<>();
    grid.setEmptyStateText(getTranslation("list.empty"));
    grid.setId("my-help");
    grid.addColumn(m -> m.need().title()).setHeader(getTranslation("needs.need")).setFlexGrow(2);
    grid.addColumn(m -> getTranslation("needCategory." + m.need().category()))
        .setHeader(getTranslation("needs.category")).setAutoWidth(true);
    grid.addComponentColumn(m -> {
      Span status = new Span(getTranslation("matchStatus." + m.status()));
      status.getElement().getThemeList().add("CONFIRMED".equals(m.status()) ? "badge success" : "badge");
      return status;
    }).setHeader(getTranslation("track.status")).setAutoWidth(true);
    grid.addColumn(m -> m.outcome() == null ? "—" : getTranslation("outcome." + m.outcome()))
        .setHeader(getTranslation("myHelp.outcome")).setAutoWidth(true);
    grid.addColumn(m -> m.thankYou() == null ? "" : m.thankYou()).setHeader(getTranslation("myHelp.thankYou"))
        .setFlexGrow(3);
    grid.addComponentColumn(m -> MatchColumns.ofNeed(contact(m), m.need().title()))
        .setHeader(getTranslation("contact.header")).setAutoWidth(true);
    grid.addColumn(m -> m.createdAt() == null ? "" : m.createdAt().substring(0, 10))
        .setHeader(getTranslation("myHelp.pledgedOn")).setAutoWidth(true);
    grid.addColumn(m -> offers.containsKey(m.offerId()) ? terms(offers.get(m.offerId())) : "")
        .setHeader(getTranslation("matching.offer")).setAutoWidth(true);
    grid.addComponentColumn(m -> offers.containsKey(m.offerId())
            ? new RouterLink(offers.get(m.offerId()).receiptCode(), TrackView.class,
                offers.get(m.offerId()).receiptCode()) : new Span())
        .setHeader(getTranslation("track.code")).setAutoWidth(true);
    grid.addComponentColumn(m -> "PROPOSED".equals(m.status()) && offers.containsKey(m.offerId())
            && "OPEN".equals(offers.get(m.offerId()).status()) ? withdrawPledge(offers.get(m.offerId())) : new Span())
        .setAutoWidth(true);
    grid.setAllRowsVisible(true);
    pager = new KeysetPager<>(this, matches -> {
      // Each pledge's sum, date and receipt code come with its offer (the caller's own, at most a few pages).
      offers.clear();
      try {
        String after = null;
        for (int page = 0; page < 5; page++) {
          var found = api.myOffers(100, after);
          found.items().forEach(o -> offers.put(o.id(), o));
          if (!found.hasNextPage()) {
            break;
          }
          after = found.endCursor();
        }
      } catch (ApiException failure) {
        ApiErrors.show(this, failure);
      }
      grid.setItems(matches);
    }, "my-help-more", 20, api::myMatches);
    add(grid, pager.moreButton());
    pager.reload();

    Anchor more = new Anchor("offer", getTranslation("myHelp.offerMore"));
    more.setId("my-help-offer-more");
    add(new H3(getTranslation("myHelp.offers")), more);
    Grid<MyOffer> offers = new Grid<>();
    offers.setEmptyStateText(getTranslation("list.empty"));
    offers.setId("my-offers");
    offers.addColumn(this::terms).setHeader(getTranslation("matching.offer")).setAutoWidth(true);
    offers.addColumn(o -> String.join(getTranslation("punctuation.list"), o.categories().stream().map(c -> getTranslation("needCategory." + c))
        .toList())).setHeader(getTranslation("needs.category")).setFlexGrow(2);
    offers.addColumn(o -> getTranslation("myHelp.used", o.allocated(), o.capacity()))
        .setHeader(getTranslation("myHelp.capacity")).setAutoWidth(true);
    offers.addColumn(MyOffer::validUntil).setHeader(getTranslation("myHelp.validUntil")).setAutoWidth(true);
    offers.addColumn(o -> getTranslation("OPEN".equals(o.status()) && o.allocated() >= o.capacity()
        ? "offerStatus.FULL" : "offerStatus." + o.status())).setHeader(getTranslation("track.status"))
        .setAutoWidth(true);
    offers.addComponentColumn(o -> new RouterLink(o.receiptCode(), TrackView.class, o.receiptCode()))
        .setHeader(getTranslation("track.code")).setAutoWidth(true);
    offers.setAllRowsVisible(true);
    KeysetPager<MyOffer> offerPager = new KeysetPager<>(this, offers, "my-offers-more", 20, api::myOffers);
    offers.addComponentColumn(o -> "OPEN".equals(o.status()) ? withdrawButton(o, offerPager) : new Span())
        .setAutoWidth(true);
    add(offers, offerPager.moreButton());
    offerPager.reload();
  }

  /** Withdraws an open offer, after the user confirms it: it is never matched again. */
  /** A pledge still waiting for civil affairs is withdrawn with its offer; the page shows it withdrawn. */
  private Button withdrawPledge(MyOffer offer) {
    Button withdraw = withdrawButton(offer, null);
    withdraw.setText(getTranslation("myHelp.withdrawPledge"));
    withdraw.removeClassName("my-offer-withdraw");
    withdraw.addClassName("my-pledge-withdraw");
    return withdraw;
  }

  private Button withdrawButton(MyOffer offer, KeysetPager<MyOffer> offerPager) {
    Button withdraw = new Button(getTranslation("myHelp.withdrawOffer"), click -> {
      Dialog confirm = new Dialog();
      confirm.setId("withdraw-offer-dialog");
      confirm.setHeaderTitle(getTranslation("myHelp.withdrawOffer"));
      confirm.add(new Paragraph(getTranslation("myHelp.withdrawOfferIntro")));
      Button yes = new Button(getTranslation("myHelp.withdrawOffer"), sure -> {
        try {
          api.withdrawOffer(offer.id()).forEach(e -> ApiErrors.show(e.message()));
          confirm.close();
          if (offerPager != null) {
            offerPager.reload();
          }
          pager.reload();
        } catch (ApiException failure) {
          ApiErrors.show(this, failure);
        }
      });
      yes.setId("withdraw-offer-confirm");
      yes.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
      confirm.getFooter().add(new Button(getTranslation("needs.close"), no -> confirm.close()), yes);
      confirm.open();
    });
    withdraw.addClassName("my-offer-withdraw");
    withdraw.addThemeVariants(ButtonVariant.SMALL);
    return withdraw;
  }

  /** Where the contact agreement stands, and the button to agree or withdraw. */
  private Component contact(MyMatch match) {
    if (!APPROVED.contains(match.status())) {
      return new Span("—");
    }
    if ("PLACEMENT".equals(match.kind())) {
      Span placement = new Span(getTranslation("contact.placement"));
      placement.addClassName("my-help-contact-placement");
      return placement;
    }
    OffererContact contact = match.contact();
    boolean agreed = contact != null && Boolean.TRUE.equals(contact.agreed());
    boolean family = contact != null && Boolean.TRUE.equals(contact.familyAgreed());
    Span state = new Span(getTranslation(!agreed ? "contact.notAgreed" : family ? "contact.mutual"
        : "contact.waitingForFamily"));
    state.addClassName("my-contact-state");
    Button change = new Button(getTranslation(agreed ? "contact.withdraw" : "contact.agree"), click -> {
      if (agreed) {
        answer(match, false, null, null, Map.of(), null);
      } else {
        agreeDialog(match);
      }
    });
    change.addClassName(agreed ? "my-contact-withdraw" : "my-contact-agree");
    change.addThemeVariants(ButtonVariant.SMALL);
    return new HorizontalLayout(state, change);
  }

  private void agreeDialog(MyMatch match) {
    Dialog dialog = new Dialog();
    dialog.setId("contact-dialog");
    dialog.setHeaderTitle(getTranslation("contact.agree"));
    TextField name = new TextField(getTranslation("contact.name"));
    name.setId("contact-name");
    name.setMaxLength(40);
    name.setRequired(true);
    TextField phone = new TextField(getTranslation("contact.phone"));
    phone.setId("contact-phone");
    phone.setRequired(true);
    Button send = new Button(getTranslation("contact.send"),
        click -> answer(match, true, name.getValue(), phone.getValue(), Map.of("name", name, "phone", phone), dialog));
    send.setId("contact-send");
    send.addThemeVariants(ButtonVariant.PRIMARY);
    dialog.add(new VerticalLayout(new Paragraph(getTranslation("contact.intro")), name, phone));
    dialog.getFooter().add(new Button(getTranslation("needs.close"), click -> dialog.close()), send);
    dialog.open();
  }

  private void answer(MyMatch match, boolean agree, String name, String phone, Map<String, TextField> fields,
      Dialog dialog) {
    fields.values().forEach(f -> f.setInvalid(false));
    try {
      List<UserError> errors = api.agreeToContact(match.id(), agree, name, phone);
      ApiErrors.mark(errors, fields);
      if (errors.isEmpty()) {
        if (dialog != null) {
          dialog.close();
        }
        pager.reload();
      }
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("myHelp.pageTitle");
  }

  /** What an offer gives, with its terms: the sum, the goods, the skill and hours, the kind of care. */
  private String terms(MyOffer offer) {
    String kind = getTranslation("offerKind." + offer.kind());
    String separator = getTranslation("punctuation.colon");
    return switch (offer.kind()) {
      case "MONEY", "PROJECT" -> offer.amountYuan() == null ? kind
          : kind + separator + getTranslation("needs.amount", offer.amountYuan());
      case "SPONSORSHIP" -> offer.amountYuan() == null ? kind
          : kind + separator + getTranslation("myHelp.perMonth", offer.amountYuan());
      case "GOODS" -> offer.goods() == null || offer.goods().isEmpty() ? kind
          : kind + separator + String.join(getTranslation("punctuation.list"), offer.goods());
      case "SERVICE" -> kind + separator + (offer.skill() == null ? "" : getTranslation("skill." + offer.skill()))
          + (offer.hoursPerWeek() == null ? "" : getTranslation("myHelp.hoursPerWeek", offer.hoursPerWeek()));
      case "PLACEMENT" -> offer.careKind() == null ? kind
          : kind + separator + getTranslation("careKind." + offer.careKind());
      default -> kind;
    };
  }
}
